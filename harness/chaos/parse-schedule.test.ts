import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/index.ts";
import { generateSchedule } from "./generate.ts";
import { parseSchedule, ScheduleError, scheduleJson } from "./parse-schedule.ts";
import type { Schedule } from "./schedule.ts";

const schedule = generateSchedule({ topology: prisma, seed: 2024, durationMs: 300_000, faults: ["kill", "stop", "pause", "process", "partition", "netem"], intensity: "low" });
const errorOf = (text: string, topology = prisma) => {
  try {
    parseSchedule(text, "schedule.json", topology);
  } catch (e) {
    return e as ScheduleError;
  }
  throw new Error("expected a ScheduleError");
};
const edited = (f: (s: Schedule) => unknown) => {
  const s = structuredClone(schedule) as Schedule;
  f(s);
  return JSON.stringify(s);
};

describe("parseSchedule", () => {
  it("reads back the saved JSON equal to the generated schedule", () => {
    expect(parseSchedule(scheduleJson(schedule), "schedule.json", prisma)).toEqual(schedule);
    expect(scheduleJson(parseSchedule(scheduleJson(schedule)))).toBe(scheduleJson(schedule));
  });

  it("rejects text that is not JSON", () => {
    const e = errorOf("{ nope");
    expect(e).toBeInstanceOf(ScheduleError);
    expect(e.message).toMatch(/^schedule.json is not a valid chaos schedule: not JSON/);
    expect(e.message).not.toContain("\n");
  });

  it("names each malformed field with its path", () => {
    const e = errorOf(
      edited((s) => {
        (s as { seed: unknown }).seed = "x";
        s.steps[0]!.kind = "explode" as never;
        (s.steps[1] as { holdMs: unknown }).holdMs = -3;
      }),
    );
    expect(e.problems.some((p) => p.startsWith("seed:"))).toBe(true);
    expect(e.problems.some((p) => p.startsWith("steps.0.kind:"))).toBe(true);
    expect(e.problems.some((p) => p.startsWith("steps.1.holdMs:"))).toBe(true);
  });

  it("rejects unknown fields, a process step without its process, and steps past the duration", () => {
    expect(errorOf(edited((s) => Object.assign(s, { colour: "red" }))).message).toMatch(/colour/);
    expect(errorOf(edited((s) => Object.assign(s.steps[0]!, { kind: "process", process: undefined }))).message).toMatch(/steps\.0\.process: a process step names its process/);
    expect(errorOf(edited((s) => (s.durationMs = 1000))).message).toMatch(/after durationMs 1000/);
  });

  it("rejects hosts, VIPs and processes the topology does not have", () => {
    const e = errorOf(
      edited((s) => {
        s.steps[0] = { atMs: s.steps[0]!.atMs, kind: "kill", holdMs: 1000, target: { pick: "hosts", role: "datahost", hosts: ["vm-9"], label: "one node" } };
        s.steps[1] = { atMs: s.steps[1]!.atMs, kind: "process", process: "keystone", holdMs: 1000, target: { pick: "hosts", role: "controller", hosts: ["controller-3"], label: "a controller" } };
      }),
    );
    expect(e.problems).toContain("steps.0.target.hosts: vm-9 is not a datahost host of prisma");
    expect(e.problems).toContain("steps.1.process: keystone runs only on the controller VIP holder; target it with pick vip-holder");
  });

  it("rejects a low schedule that breaks the survivability limits", () => {
    const e = errorOf(
      edited((s) => {
        s.steps[0]!.target = { pick: "hosts", role: "gluster", hosts: ["gluster-1", "gluster-2"], label: "a majority" };
        s.steps[1]!.atMs = s.steps[0]!.atMs;
      }),
    );
    expect(e.problems.some((p) => /takes 2 gluster hosts, more than the 1/.test(p))).toBe(true);
    expect(e.problems.some((p) => /one fault at a time/.test(p))).toBe(true);
  });
});
