import { describe, expect, it } from "vitest";
import { History } from "../history/index.ts";
import type { Site } from "../site/index.ts";
import { cutClient } from "./cut-client.ts";
import { FaultError } from "./fault.ts";

/** A site whose hosts record every command and exit with `exitCode[host]` (default 0). */
function fakeSite(names: string[], exitCode: Record<string, number> = {}) {
  const calls: { host: string; cmd: string }[] = [];
  const hosts = names.map((name) => ({
    name,
    role: "controller",
    ip: "10.0.0.1",
    exec: async (cmd: string | string[]) => {
      calls.push({ host: name, cmd: String(cmd) });
      return { exitCode: exitCode[name] ?? 0, stdout: "", stderr: "" };
    },
  }));
  const site = { harnessIp: "10.0.0.254", host: (n: string) => hosts.find((h) => h.name === n)! } as unknown as Site;
  return { site, calls };
}

describe("cutClient", () => {
  it("drops the harness address both ways on every host, SSH excepted, and heals by removing the chain", async () => {
    const { site, calls } = fakeSite(["c1", "c2"]);
    const history = new History();
    const h = await cutClient(["c1", "c2"]).inject(site, history);
    const applied = calls.filter((c) => c.cmd.includes("-A HAPROOF"));
    expect(applied.map((c) => c.host)).toEqual(["c1", "c2"]);
    for (const rule of ["-s 10.0.0.254 -p tcp --dport 22 -j RETURN", "-s 10.0.0.254 -j DROP", "-d 10.0.0.254 -j DROP", "-I OUTPUT 1 -j HAPROOF"]) expect(applied[0].cmd).toContain(rule);
    // The RETURN for SSH comes before the DROP it excepts.
    expect(applied[0].cmd.indexOf("--dport 22 -j RETURN")).toBeLessThan(applied[0].cmd.indexOf("-s 10.0.0.254 -j DROP"));
    await h.heal();
    expect(calls.slice(-2).every((c) => c.cmd.includes("iptables -D OUTPUT -j HAPROOF") && c.cmd.includes("iptables -X HAPROOF"))).toBe(true);
    const phases = history.events().flatMap((e) => (e.kind === "fault" ? [e.phase] : []));
    expect(phases).toEqual(["start", "effective", "heal", "healed"]);
  });

  it("is not effective when a host's rules are not in place: it fails naming the host and undoes the cut", async () => {
    const { site, calls } = fakeSite(["c1", "c2"], { c2: 1 });
    const history = new History();
    await expect(cutClient(["c1", "c2"]).inject(site, history)).rejects.toThrow(FaultError);
    await expect(cutClient(["c1", "c2"]).inject(site, new History())).rejects.toThrow(/c2/);
    expect(calls.filter((c) => c.cmd.includes("iptables -X HAPROOF")).length).toBeGreaterThanOrEqual(2);
    expect(history.events().some((e) => e.kind === "fault" && e.phase === "effective")).toBe(false);
  });
});
