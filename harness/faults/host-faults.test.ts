import { describe, expect, it } from "vitest";
import { History } from "../history/index.ts";
import type { Power, PowerState } from "../power/index.ts";
import type { Site } from "../site/index.ts";
import { healAll } from "./heal-all.ts";
import { killHost, pauseHost, stopHost } from "./host-faults.ts";

/** A site with no transport behind it: a power driver that flips states at once and logs each call. */
function fakeSite(initial: Record<string, PowerState>) {
  const states = { ...initial };
  const calls: string[] = [];
  const act = (verb: string, to: PowerState, when?: PowerState) => async (host: string) => {
    calls.push(`${verb} ${host}`);
    if (!when || states[host] === when) states[host] = to;
  };
  const power: Power = {
    kill: act("kill", "exited"),
    stop: act("stop", "exited", "running"),
    start: act("start", "running"),
    pause: act("pause", "paused"),
    unpause: act("unpause", "running", "paused"),
    state: async (host) => states[host] ?? "missing",
  };
  const hosts = Object.keys(initial).map((name) => ({
    name,
    role: "datahost",
    ip: "10.0.0.1",
    exec: async (cmd: string | string[]) => {
      calls.push(`exec ${name}: ${String(cmd).slice(0, 12)}`);
      return { exitCode: 0, stdout: "0\n0\n", stderr: "" };
    },
    writeFile: async () => undefined,
    readFile: async () => "",
    logs: async () => "",
  }));
  const site = {
    runId: "r",
    hosts,
    power,
    iface: "eth0",
    harnessIp: "10.0.0.254",
    host: (n: string) => hosts.find((h) => h.name === n)!,
    hostsOf: () => hosts,
    vipAddress: () => "10.0.0.100",
  } as unknown as Site;
  return { site, calls, states };
}

describe("host faults through Site.power", () => {
  it("kill proves the host exited and heals by starting it", async () => {
    const { site, calls, states } = fakeSite({ "vm-2": "running" });
    const history = new History();
    const h = await killHost("vm-2").inject(site, history);
    expect(states["vm-2"]).toBe("exited");
    await h.heal();
    await h.heal();
    expect(calls).toEqual(["kill vm-2", "start vm-2"]);
    expect(
      history
        .events()
        .filter((e) => e.kind === "fault")
        .map((e) => (e as { phase: string }).phase),
    ).toEqual(["start", "effective", "heal", "healed"]);
  });

  it("stop and pause go through the same driver, and heal reverses each", async () => {
    const { site, calls } = fakeSite({ "vm-1": "running", "vm-2": "running" });
    const history = new History();
    await (await stopHost("vm-1", 5).inject(site, history)).heal();
    await (await pauseHost("vm-2").inject(site, history)).heal();
    expect(calls).toEqual(["stop vm-1", "start vm-1", "pause vm-2", "unpause vm-2"]);
  });

  it("healAll thaws paused hosts, starts stopped ones and skips missing ones", async () => {
    const { site, calls } = fakeSite({ "vm-1": "paused", "vm-2": "exited", "vm-3": "running", "vm-4": "missing" });
    const undone = await healAll(site);
    expect(undone.sort()).toEqual(["started vm-2", "unpaused vm-1"]);
    expect(calls.filter((c) => !c.startsWith("exec")).sort()).toEqual(["start vm-2", "unpause vm-1"]);
    expect(calls.filter((c) => c.startsWith("exec")).length).toBe(3);
  });
});
