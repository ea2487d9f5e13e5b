import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateSchedule, scheduleJson } from "../../chaos/index.ts";
import { prisma } from "../../../topologies/index.ts";
import { SyntheticHistory } from "../../history/index.ts";
import { availabilityMetrics, stepsApplied } from "./chaos-checks.ts";
import { chaosSchedule, chaosThresholds, chaosTimeoutMs, SHORT_CHAOS, SHORT_CHAOS_MAX_OUTAGE_MS } from "./chaos-env.ts";

describe("chaos spec inputs", () => {
  it("runs the short fixed schedule by default, and the named file when given", () => {
    const short = chaosSchedule(prisma, {});
    expect(short).toMatchObject({ seed: SHORT_CHAOS.seed, durationMs: 150_000, intensity: "low" });
    expect(new Set(short.steps.map((x) => x.kind))).toEqual(new Set(SHORT_CHAOS.faults));
    expect(short.steps.length).toBeGreaterThan(0);
    const other = generateSchedule({ topology: prisma, seed: 99, durationMs: 300_000, faults: ["kill"], intensity: "low" });
    const file = join(mkdtempSync(join(tmpdir(), "chaos-")), "schedule.json");
    writeFileSync(file, scheduleJson(other));
    expect(chaosSchedule(prisma, { schedule: file })).toEqual(other);
  });

  it("bounds the short run's outages by default, a named schedule's only when set, and bounds the spec by the schedule", () => {
    expect(chaosThresholds({})).toStrictEqual({ maxOutageMs: SHORT_CHAOS_MAX_OUTAGE_MS });
    expect(SHORT_CHAOS_MAX_OUTAGE_MS).toBe(180_000);
    expect(chaosThresholds({ schedule: "/tmp/s.json" })).toStrictEqual({});
    expect(chaosThresholds({ schedule: "/tmp/s.json", minAvailabilityPct: 99.5, maxOutageMs: 60000 })).toStrictEqual({ minAvailabilityPct: 99.5, maxOutageMs: 60_000 });
    expect(chaosThresholds({ maxOutageMs: 90000 })).toStrictEqual({ maxOutageMs: 90_000 });
    // No explicit undefined: spreading the thresholds over defaults keeps the defaults.
    expect({ maxOutageMs: 1, minAvailabilityPct: 2, ...chaosThresholds({ schedule: "/tmp/s.json" }) }).toEqual({ maxOutageMs: 1, minAvailabilityPct: 2 });
    expect(chaosTimeoutMs(chaosSchedule(prisma, {}))).toBeGreaterThan(150_000 + 20 * 60_000);
  });

  it("turns the availability verdict into per-probe metrics", () => {
    const v = { valid: true as const, details: { probes: { mysql: { pct: 99.1, longestOutageMs: 6100.4, outages: 2 } }, outagesByFault: { kill: 2 }, longestOutageMs: 6100.4 } };
    expect(availabilityMetrics(v)).toEqual({ "availability.mysql.pct": 99.1, "longestOutage.mysql.ms": 6100, "outages.kill": 2, "longestOutage.ms": 6100 });
    expect(availabilityMetrics(undefined)).toEqual({});
  });
});

describe("stepsApplied", () => {
  const history = (...outcomes: string[]) => {
    const h = new SyntheticHistory();
    outcomes.forEach((outcome, index) => h.at(index * 1000).sample("chaos:step", { index, kind: "kill", hosts: ["vm-1"], outcome }));
    return h.events();
  };
  it("is true when every step was injected or skipped for a reason, unknown when one failed or none ran", () => {
    expect(stepsApplied(history("injected", "unsupported", "no-target")).valid).toBe(true);
    expect(stepsApplied(history("injected", "failed")).valid).toBe("unknown");
    expect(stepsApplied(history()).valid).toBe("unknown");
  });
});
