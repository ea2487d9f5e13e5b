import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/index.ts";
import type { Schedule, Step } from "./schedule.ts";
import { peakAffected, survivabilityProblems, survivableLimit } from "./survivability.ts";

const kill = (atMs: number, role: string, hosts: string[], kind: Step["kind"] = "kill"): Step => ({ atMs, kind, holdMs: 10_000, target: { pick: "hosts", role, hosts, label: "x" } });
const schedule = (intensity: "low" | "high", steps: Step[]): Schedule => ({ version: 1, topology: "prisma", seed: 1, durationMs: 600_000, intensity, faults: ["kill", "partition"], steps });

describe("survivability limits", () => {
  it("allows a strict minority of a quorum group and all but one of a pair", () => {
    expect([1, 2, 3, 4, 5].map(survivableLimit)).toEqual([0, 1, 1, 1, 2]);
  });

  it("counts hosts of a role affected at the same instant", () => {
    const s = schedule("high", [kill(0, "datahost", ["vm-1"]), kill(5_000, "datahost", ["vm-2"]), kill(5_000, "lb", ["lb-1", "lb-2"])]);
    expect(peakAffected(s)).toEqual({ datahost: 2, lb: 2 });
  });

  it("names each low-intensity breach: overlap, a majority, a partitioned balancer", () => {
    const s = schedule("low", [kill(0, "datahost", ["vm-1"]), kill(5_000, "controller", ["controller-1", "controller-2"]), kill(60_000, "lb", ["lb-1"], "partition")]);
    expect(survivabilityProblems(s, prisma)).toEqual([
      "steps.1: starts at 5000 ms while step 0 holds until 10000 ms (low: one fault at a time)",
      "steps.1: takes 2 controller hosts, more than the 1 that controller survives (low)",
      "steps.2: partitions a load balancer (keepalived has no quorum: both would take the VIP)",
    ]);
    expect(survivabilityProblems({ ...s, intensity: "high" }, prisma)).toEqual([]);
  });
});
