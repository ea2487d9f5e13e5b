import { describe, expect, it } from "vitest";
import { History } from "../history/index.ts";
import { galeraSynced } from "./conditions.ts";
import { until } from "./until.ts";

const node = (size: number, status = "Primary", state = "Synced") => ({ size, status, state });

describe("named wait conditions", () => {
  it("galeraSynced wants Synced and Primary and the full cluster size", () => {
    expect(galeraSynced(node(3), 3)).toBe(true);
    expect(galeraSynced(node(2), 3)).toBe(false);
    expect(galeraSynced(node(3, "non-Primary"), 3)).toBe(false);
    expect(galeraSynced(node(3, "Primary", "Donor/Desynced"), 3)).toBe(false);
    expect(galeraSynced(undefined, 3)).toBe(false);
  });

  it("galeraSyncedSampled reads each host's latest wsrep sample, exactly that host's", async () => {
    const h = new History();
    const c = until.galeraSyncedSampled(h, ["vm-1", "vm-2"], 2);
    expect(c.name).toBe("a sample of every Galera node Synced and Primary in a cluster of 2");
    h.sample({ kind: "wsrep", host: "vm-1" }, node(2));
    h.sample({ kind: "wsrep", host: "vm-10" }, node(2));
    expect(await c.probe()).toBe(false);
    h.sample({ kind: "wsrep", host: "vm-2" }, node(2, "non-Primary"));
    expect(await c.probe()).toBe(false);
    h.sample({ kind: "wsrep", host: "vm-2" }, node(2));
    expect(await c.probe()).toBe(true);
  });

  it("rabbitConverged and rabbitRunning read the latest rabbit samples", async () => {
    const h = new History();
    h.sample({ kind: "rabbit", host: "vm-1" }, { running: ["a", "b"], partitions: [] });
    expect(await until.rabbitRunning(h, ["vm-1"], 2).probe()).toBe(true);
    expect(await until.rabbitConverged(h, ["vm-1"]).probe()).toBe(false);
    h.sample({ kind: "rabbit", host: "vm-1" }, { running: ["a", "b", "c"], partitions: [] });
    expect(await until.rabbitConverged(h, ["vm-1"]).probe()).toBe(true);
  });

  it("steadyOk wants every named process steady", async () => {
    const h = new History();
    const ok = (p: string) => h.op(p, "x", "ok", { id: h.op(p, "x", "invoke").id });
    for (let i = 0; i < 10; i++) ok("keystone");
    const c = until.steadyOk(h, ["keystone", "glance"]);
    expect(c.name).toBe("keystone and glance steadily ok again");
    expect(await c.probe()).toBe(false);
    for (let i = 0; i < 10; i++) ok("glance");
    expect(await c.probe()).toBe(true);
  });
});
