import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/index.ts";
import { generateSchedule, type ChaosOptions } from "./generate.ts";
import { FAULT_KINDS, ScheduleSchema, type Schedule } from "./schedule.ts";
import { peakAffected, scheduleProblems, survivabilityProblems } from "./survivability.ts";

const base: ChaosOptions = { topology: prisma, seed: 1, durationMs: 600_000, faults: ["kill", "pause", "process", "partition"], intensity: "low" };
const seeds = Array.from({ length: 300 }, (_, i) => i * 7919 + 3);

describe("generateSchedule", () => {
  it("is deterministic: the same seed and options give the same schedule", () => {
    expect(generateSchedule(base)).toEqual(generateSchedule({ ...base }));
    expect(generateSchedule({ ...base, intensity: "high" })).toEqual(generateSchedule({ ...base, intensity: "high" }));
  });

  it("gives a different schedule for a different seed", () => {
    const a = generateSchedule(base);
    expect(generateSchedule({ ...base, seed: 2 }).steps).not.toEqual(a.steps);
    expect(new Set(seeds.slice(0, 50).map((seed) => JSON.stringify(generateSchedule({ ...base, seed }).steps))).size).toBe(50);
  });

  it("produces schema-valid schedules that fit the topology, within the duration, in start order", () => {
    for (const intensity of ["low", "high"] as const)
      for (const seed of seeds.slice(0, 100)) {
        const s = generateSchedule({ ...base, seed, intensity, faults: [...FAULT_KINDS] });
        expect(ScheduleSchema.safeParse(s).success).toBe(true);
        expect(scheduleProblems(s, prisma)).toEqual([]);
        expect(s.steps.length).toBeGreaterThan(0);
      }
  });

  it("low never overlaps faults and never takes more than a minority of any group, over many seeds", () => {
    for (const seed of seeds) {
      const s = generateSchedule({ ...base, seed, faults: [...FAULT_KINDS] });
      expect(survivabilityProblems(s, prisma)).toEqual([]);
      const peak = peakAffected(s);
      for (const role of ["datahost", "gluster", "controller", "lb"] as const) expect(peak[role] ?? 0).toBeLessThanOrEqual(1);
      expect(s.steps.some((st) => st.kind === "partition" && st.target.role === "lb")).toBe(false);
    }
  });

  it("high may overlap faults (never more than two at once) and take majorities", () => {
    const all = seeds.map((seed) => generateSchedule({ ...base, seed, intensity: "high", faults: ["kill", "partition"] }));
    const overlaps = all.some((s) => s.steps.some((st, i) => i > 0 && st.atMs < s.steps[i - 1]!.atMs + s.steps[i - 1]!.holdMs));
    expect(overlaps).toBe(true);
    expect(all.some((s) => Object.values(peakAffected(s)).some((n) => (n ?? 0) >= 2))).toBe(true);
    for (const s of all) s.steps.forEach((st, i) => i > 1 && expect(st.atMs).toBeGreaterThanOrEqual(s.steps[i - 2]!.atMs + s.steps[i - 2]!.holdMs));
  });

  it("covers every requested fault kind, and only those, over enough draws", () => {
    const kinds = (s: Schedule[]) => new Set(s.flatMap((x) => x.steps.map((st) => st.kind)));
    const all = seeds.slice(0, 40).map((seed) => generateSchedule({ ...base, seed, faults: [...FAULT_KINDS] }));
    expect([...kinds(all)].sort()).toEqual([...FAULT_KINDS].sort());
    const some = seeds.slice(0, 40).map((seed) => generateSchedule({ ...base, seed, faults: ["pause", "netem"] }));
    expect([...kinds(some)].sort()).toEqual(["netem", "pause"]);
  });

  it("draws every kind of target: one node, VIP holders, the Galera writer, bricks, RabbitMQ nodes, controllers, every process", () => {
    const steps = seeds.slice(0, 60).flatMap((seed) => generateSchedule({ ...base, seed, faults: ["kill", "process"] }).steps);
    const labels = new Set(steps.map((s) => s.target.label));
    for (const l of ["one node", "the db VIP holder", "the controller VIP holder", "the network VIP holder", "the Galera writer", "a Gluster brick", "a RabbitMQ node", "a controller"])
      expect(labels).toContain(l);
    expect(new Set(steps.map((s) => s.process).filter(Boolean))).toEqual(new Set(["mysqld", "rabbitmq", "haproxy", "glusterfsd", "keystone", "glance"]));
  });

  it("has quiet periods between faults and a clean lead-in", () => {
    const s = generateSchedule(base);
    expect(s.steps[0]!.atMs).toBeGreaterThanOrEqual(10_000);
    s.steps.forEach((st, i) => i > 0 && expect(st.atMs - (s.steps[i - 1]!.atMs + s.steps[i - 1]!.holdMs)).toBeGreaterThanOrEqual(15_000));
  });

  it("refuses bad options with the option named", () => {
    expect(() => generateSchedule({ ...base, seed: -1 })).toThrow(/seed/);
    expect(() => generateSchedule({ ...base, seed: 1.5 })).toThrow(/seed/);
    expect(() => generateSchedule({ ...base, durationMs: 0 })).toThrow(/durationMs/);
    expect(() => generateSchedule({ ...base, faults: [] })).toThrow(/at least one/);
    expect(() => generateSchedule({ ...base, faults: ["explode" as never] })).toThrow(/unknown fault kinds: explode/);
  });

  it("fits nothing into a duration shorter than the lead-in plus one hold", () => {
    expect(generateSchedule({ ...base, durationMs: 5_000 }).steps).toEqual([]);
  });
});
