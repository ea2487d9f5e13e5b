import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { DockerHost } from "./docker-host.ts";

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

/** A dockerode stand-in for streams: each exec's hijacked stream is a PassThrough the test writes and ends. */
function fakeDocker(state: { running: boolean }) {
  const streams: PassThrough[] = [];
  const cmds: string[][] = [];
  const container = () => ({
    exec: async (o: { Cmd: string[] }) => {
      if (!state.running) throw new Error("(HTTP code 409) container is not running");
      cmds.push(o.Cmd);
      const stream = new PassThrough();
      streams.push(stream);
      return { start: async () => stream, inspect: async () => ({ ExitCode: 7 }) };
    },
  });
  const client = { getContainer: container, modem: { demuxStream: (s: PassThrough, out: PassThrough) => s.pipe(out) } } as unknown as Docker;
  return { host: new DockerHost("lb-1", "lb", "10.0.0.2", "c1", client), streams, cmds };
}

describe("DockerHost.stream", () => {
  it("delivers stdout as it arrives and ends with the exec's exit code", async () => {
    const d = fakeDocker({ running: true });
    const got: string[] = [];
    const s = d.host.stream("while :; do date; done", (c) => got.push(c));
    await settle();
    expect(d.cmds).toEqual([["bash", "-c", "while :; do date; done"]]);
    d.streams[0]!.write("one\n");
    await settle();
    expect(got).toEqual(["one\n"]);
    d.streams[0]!.end("two\n");
    expect(await s.ended).toEqual({ exitCode: 7 });
    expect(got.join("")).toBe("one\ntwo\n");
  });

  it("stop() destroys the hijacked stream and ends at once", async () => {
    const d = fakeDocker({ running: true });
    const s = d.host.stream("loop", () => undefined);
    await settle();
    await s.stop();
    expect(await s.ended).toEqual({ exitCode: null, error: "stopped" });
    expect(d.streams[0]!.destroyed).toBe(true);
  });

  it("resolves ended with the error when the container refuses the exec, never throwing", async () => {
    const d = fakeDocker({ running: false });
    const s = d.host.stream("loop", () => undefined);
    expect(await s.ended).toEqual({ exitCode: null, error: "(HTTP code 409) container is not running" });
  });

  it("an open stream does not hold a pause back; a stream opened during one waits, and stop() does not", async () => {
    const d = fakeDocker({ running: true });
    const open = d.host.stream("loop", () => undefined);
    await settle();
    expect(await d.host.gate.exclusive(async () => "paused")).toBe("paused");
    let release!: () => void;
    const pause = d.host.gate.exclusive(() => new Promise<void>((r) => (release = r)));
    await settle();
    const held = d.host.stream("loop", () => undefined);
    await settle();
    expect(d.streams.length).toBe(1);
    await held.stop();
    expect(await held.ended).toEqual({ exitCode: null, error: "stopped" });
    release();
    await pause;
    await settle();
    // Set up after its stop(): cut as soon as it exists.
    expect(d.streams[1]?.destroyed).toBe(true);
    await open.stop();
  });
});
