import { describe, expect, it } from "vitest";
import { observationDiff, observationLine } from "./observation-report.ts";
import type { ProcessCpu } from "./process-cpu-over.ts";

const cpu = (busy: number, user: number, system: number, groups: Partial<ProcessCpu["groupsPercent"]>, unattributed: number): ProcessCpu => {
  const all = { harness: 0, dockerd: 0, containerd: 0, runc: 0, "beam.smp": 0, mysqld: 0, other: 0, ...groups };
  return {
    machine: { busyPercent: busy, userPercent: user, systemPercent: system, stealPercent: busy - user - system, iowaitPercent: 0, elapsedJiffies: 6000 },
    groupsPercent: all,
    unattributedPercent: unattributed,
    reapedPercent: { ...all, other: 0 },
    cpuSeconds: all,
    top: [],
    clockTicksPerSecond: 100,
  };
};
const context = { seconds: 30, cores: 2, clients: ["keystone", "glance"] };

describe("observation cost", () => {
  const idle = cpu(8.1, 5, 3, { dockerd: 1, "beam.smp": 3, mysqld: 2 }, 2);
  const observed = cpu(31.5, 20, 11.4, { dockerd: 7.1, runc: 3.2, harness: 4, "beam.smp": 4, mysqld: 3 }, 7);

  it("is observed minus idle busy, of the whole machine, split by user, system and process group", () => {
    const o = observationDiff(idle, observed, context);
    expect(o.machineBusyPercent).toBeCloseTo(23.4, 10);
    expect(o.userPercent).toBeCloseTo(15, 10);
    expect(o.systemPercent).toBeCloseTo(8.4, 10);
    expect(o.withinGoal).toBe(false);
    expect(o.goalPercent).toBe(15);
    expect(o.byProcess).toMatchObject({ dockerd: expect.closeTo(6.1, 10), runc: 3.2, harness: 4, "beam.smp": 1, mysqld: 1, other: 0, unattributed: 5 });
  });

  it("prints one line: groups most first, the unchanged left out, unattributed last, and the goal", () => {
    expect(observationLine(observationDiff(idle, observed, context))).toBe(
      "observation cost: 23.4 % of the whole machine, all 2 cores (idle 8.1 %, observed 31.5 %; user 15.0 %, system 8.4 %, steal 0.0 %); " +
        "by process: dockerd 6.1 %, harness 4.0 %, runc 3.2 %, beam.smp 1.0 %, mysqld 1.0 %, unattributed 5.0 %; goal under 15 %: NOT met",
    );
  });

  it("has no figures, not NaN, when a measure is missing", () => {
    const o = observationDiff(undefined, observed, context);
    expect(o.machineBusyPercent).toBeUndefined();
    expect(o.byProcess).toBeUndefined();
    expect(observationLine(o)).toBe("observation cost: not measured (no CPU time elapsed)");
  });
});
