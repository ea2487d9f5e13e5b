import { readFileSync } from "node:fs";
import { generateSchedule, parseSchedule, type Schedule } from "../../harness/chaos/index.ts";
import type { Topology } from "../../topologies/index.ts";
import type { ChaosThresholds } from "./chaos-checks.ts";

/** Environment the `chaos` CLI hands to the chaos spec (tests/chaos.it.ts) it runs under vitest. */
export const CHAOS_ENV = {
  /** Path of a schedule JSON to run instead of the spec's short fixed schedule. */
  schedule: "HAPROOF_CHAOS_SCHEDULE",
  /** Lowest tolerated availability in percent, for every probe. */
  minAvailabilityPct: "HAPROOF_CHAOS_MIN_AVAILABILITY",
  /** Longest tolerated outage in ms, for every probe. */
  maxOutageMs: "HAPROOF_CHAOS_MAX_OUTAGE_MS",
} as const;

/**
 * The short run `npm test` includes: two and a half minutes, a fixed seed, one fault at a time. Seed
 * 2252 draws all four kinds (pause vm-2, kill vm-3, kill Keystone on the Controller_VIP holder,
 * partition gluster-1) and no pause or partition of a VIP holder: those show the split brain the
 * guide accepts by disabling fencing (README, Nightly chaos), which the nightly reports.
 */
export const SHORT_CHAOS = { seed: 2252, durationMs: 150_000, faults: ["kill", "pause", "process", "partition"], intensity: "low" } as const;

/** The schedule the chaos spec runs: the file named by HAPROOF_CHAOS_SCHEDULE (validated against `topology`), else {@link SHORT_CHAOS}. */
export function chaosSchedule(topology: Topology, env: NodeJS.ProcessEnv = process.env): Schedule {
  const file = env[CHAOS_ENV.schedule];
  if (file) return parseSchedule(readFileSync(file, "utf8"), file, topology);
  return generateSchedule({ topology, ...SHORT_CHAOS, faults: [...SHORT_CHAOS.faults] });
}

/** Availability thresholds from the environment; none set means availability is only reported. */
export function chaosThresholds(env: NodeJS.ProcessEnv = process.env): ChaosThresholds {
  const num = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return { minAvailabilityPct: num(CHAOS_ENV.minAvailabilityPct), maxOutageMs: num(CHAOS_ENV.maxOutageMs) };
}

/** A bound on the whole chaos spec: bring-up aside, the schedule, a recovery wait per step, then the final drain and reads. */
export function chaosTimeoutMs(schedule: Schedule): number {
  return schedule.durationMs + schedule.steps.length * 200_000 + 20 * 60_000;
}
