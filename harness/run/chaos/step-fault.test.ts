import { describe, expect, it } from "vitest";
import type { Step } from "../../chaos/index.ts";
import type { RunningTopology } from "../../engine/index.ts";
import type { Fault } from "../../faults/index.ts";
import { History } from "../../history/index.ts";
import { prisma } from "../../../topologies/index.ts";
import { allOf, stepFault } from "./step-fault.ts";

// Only what stepFault reads without touching Docker: host names and the topology.
const running = { hosts: prisma.hosts.map((h) => ({ name: h.name })), topology: prisma } as unknown as RunningTopology;
const step = (kind: Step["kind"], extra: Partial<Step> = {}): Step => ({
  atMs: 0,
  kind,
  holdMs: 1000,
  target: { pick: "hosts", role: "datahost", hosts: ["vm-2"], label: "one node" },
  ...extra,
});

describe("stepFault", () => {
  it("builds one host fault per resolved host, named by its kind", () => {
    expect(stepFault(step("kill"), ["vm-2"], running).fault).toMatchObject({ name: "kill", targets: ["vm-2"] });
    expect(stepFault(step("pause"), ["vm-1", "vm-2"], running).fault).toMatchObject({ name: "pause", targets: ["vm-1", "vm-2"] });
    expect(stepFault(step("stop"), ["lb-1"], running).fault.name).toBe("stop");
  });

  it("partitions each target from every other host of the topology, both ways", () => {
    const f = stepFault(step("partition"), ["controller-1"], running).fault;
    expect(f.name).toBe("partition");
    expect([...f.targets].sort()).toEqual(prisma.hosts.map((h) => h.name).sort());
  });

  it("kills the step's process and owes a restart only where nothing supervises it", () => {
    const rabbit = stepFault(step("process", { process: "rabbitmq" }), ["vm-2"], running);
    expect(rabbit.fault.name).toBe("kill-process:rabbitmq");
    expect(rabbit.restart).toBeTypeOf("function");
    const keystone = stepFault(step("process", { process: "keystone", target: { pick: "vip-holder", role: "controller", vip: "controller", label: "x" } }), ["controller-1"], running);
    expect(keystone.fault.name).toBe("kill-process:keystone");
    expect(keystone.restart).toBeUndefined();
  });
});

describe("allOf", () => {
  const fake = (name: string, host: string, log: string[], fail = false): Fault => ({
    name,
    targets: [host],
    inject: async () => {
      if (fail) throw new Error(`cannot ${name} ${host}`);
      log.push(`in ${host}`);
      const heal = async () => void log.push(`heal ${host}`);
      return { fault: name, targets: [host], heal, [Symbol.asyncDispose]: heal };
    },
  });

  it("injects every part and heals them all", async () => {
    const log: string[] = [];
    const h = await allOf([fake("kill", "a", log), fake("kill", "b", log)]).inject(running, new History());
    expect(h.targets).toEqual(["a", "b"]);
    await h.heal();
    expect(log.sort()).toEqual(["heal a", "heal b", "in a", "in b"]);
  });

  it("is all or none: a part that fails heals the parts already in and rethrows", async () => {
    const log: string[] = [];
    await expect(allOf([fake("kill", "a", log), fake("kill", "b", log, true)]).inject(running, new History())).rejects.toThrow(/cannot kill b/);
    expect(log).toEqual(["in a", "heal a"]);
  });
});
