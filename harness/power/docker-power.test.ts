import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { DockerHost } from "../transport/index.ts";
import { DockerPower } from "./docker-power.ts";
import { PowerTimeoutError } from "./power-timeout-error.ts";

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

/** A dockerode stand-in: execs stay in flight until their stream ends, pause until `releasePause()`. */
function fakeDocker() {
  const calls: string[] = [];
  const streams: PassThrough[] = [];
  const status: Record<string, string> = {};
  let releasePause: () => void = () => undefined;
  const container = (id: string) => ({
    exec: async (o: { Cmd: string[] }) => {
      calls.push(`${id}: ${o.Cmd.join(" ")}`);
      const stream = new PassThrough();
      streams.push(stream);
      return { start: async () => stream, inspect: async () => ({ ExitCode: 0 }) };
    },
    pause: () => {
      calls.push(`${id}: pause`);
      return new Promise<void>((resolve) => {
        releasePause = () => {
          status[id] = "paused";
          resolve();
        };
      });
    },
    unpause: async () => {
      calls.push(`${id}: unpause`);
      status[id] = "running";
    },
    start: async () => {
      calls.push(`${id}: start`);
      status[id] = "running";
    },
    inspect: async () => ({ State: { Status: status[id] ?? "running" } }),
  });
  const client = { getContainer: container, modem: { demuxStream: (s: PassThrough) => s.resume() } } as unknown as Docker;
  return { client, calls, streams, status, releasePause: () => releasePause() };
}

function site(freezeTimeoutMs?: number) {
  const d = fakeDocker();
  const hosts = [new DockerHost("vm-1", "datahost", "10.0.0.11", "c1", d.client), new DockerHost("vm-2", "datahost", "10.0.0.12", "c2", d.client)];
  return { ...d, hosts, power: new DockerPower(hosts, d.client, freezeTimeoutMs) };
}

describe("DockerPower pause gate", () => {
  it("pauses only after the host's exec in flight ends, and holds a new exec until the pause is applied", async () => {
    const s = site();
    const first = s.hosts[0]!.exec(["sleep", "1"]);
    await settle();
    const paused = s.power.pause("vm-1");
    await settle();
    const later = s.hosts[0]!.exec(["true"]);
    await settle();
    expect(s.calls).toEqual(["c1: sleep 1"]);

    s.streams[0]!.end();
    await first;
    await settle();
    expect(s.calls).toEqual(["c1: sleep 1", "c1: pause"]);

    s.releasePause();
    await paused;
    await settle();
    expect(s.calls).toEqual(["c1: sleep 1", "c1: pause", "c1: true"]);
    s.streams[1]!.end();
    expect((await later).exitCode).toBe(0);
  });

  it("does not hold execs on other hosts", async () => {
    const s = site();
    const held = s.hosts[0]!.exec(["sleep", "1"]);
    const paused = s.power.pause("vm-1");
    const other = s.hosts[1]!.exec(["true"]);
    await settle();
    expect(s.calls).toEqual(["c1: sleep 1", "c2: true"]);
    s.streams[0]!.end();
    s.streams[1]!.end();
    await Promise.all([held, other]);
    await settle();
    s.releasePause();
    await paused;
  });

  it("throws PowerTimeoutError when the pause hangs, and lets execs through again", async () => {
    const s = site(50);
    const err = await s.power.pause("vm-1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PowerTimeoutError);
    expect(err).toMatchObject({ host: "vm-1", action: "pause", timeoutMs: 50 });
    const after = s.hosts[0]!.exec(["true"]);
    await settle();
    s.streams[0]!.end();
    expect((await after).exitCode).toBe(0);
  });

  it("also bounds the wait for an exec that never ends", async () => {
    const s = site(50);
    void s.hosts[0]!.exec(["sleep", "infinity"]);
    await settle();
    await expect(s.power.pause("vm-1")).rejects.toMatchObject({ name: "PowerTimeoutError", inFlight: 1 });
    expect(s.calls).toEqual(["c1: sleep infinity"]);
    s.streams[0]!.end();
  });

  it("unpauses only a paused host, and start thaws a paused one", async () => {
    const s = site();
    await s.power.unpause("vm-1");
    expect(s.calls).toEqual([]);
    s.status.c1 = "paused";
    await s.power.start("vm-1");
    expect(s.calls).toEqual(["c1: unpause"]);
    expect(await s.power.state("vm-1")).toBe("running");
    await s.power.start("vm-1");
    expect(s.calls).toEqual(["c1: unpause"]);
  });

  it("reports an unknown host as missing", async () => {
    expect(await site().power.state("vm-9")).toBe("missing");
  });
});
