import { choosersFor, type ChaosTopology } from "./catalog.ts";
import { intBetween, mulberry32, pick, type Random } from "./prng.ts";
import { FAULT_KINDS, type FaultKind, type Intensity, type Schedule, type Step } from "./schedule.ts";

/** Options of {@link generateSchedule}; the same options always give the same schedule. */
export interface ChaosOptions {
  topology: ChaosTopology;
  /** Any whole number in [0, 2^32). */
  seed: number;
  /** Length of the chaos phase; every step ends within it. */
  durationMs: number;
  /** Fault kinds to draw from (each at least once over enough draws). */
  faults: readonly FaultKind[];
  intensity: Intensity;
}

type Range = readonly [minMs: number, maxMs: number];

// Pinned once. Holds: long enough for failure detectors to act (corosync token 3 s, HAProxy 2 s,
// Galera evs.suspect_timeout 5 s, keepalived 3 adverts) and for clients to walk their host lists.
const HOLD: Record<FaultKind, Range> = {
  kill: [10_000, 40_000],
  stop: [10_000, 40_000],
  pause: [5_000, 25_000],
  process: [10_000, 30_000],
  partition: [10_000, 40_000],
  netem: [15_000, 45_000],
};
// Quiet periods between faults: low counts them from a healthy topology (the runner waits), high may overlap.
const QUIET: Record<Intensity, Range> = { low: [15_000, 45_000], high: [5_000, 30_000] };
// The first fault comes after a stretch of clean baseline traffic.
const LEAD: Range = [10_000, 20_000];
// Draws are in steps of 100 ms: readable schedules, no false precision.
const GRAIN_MS = 100;

const draw = (rng: Random, [min, max]: Range) => intBetween(rng, Math.ceil(min / GRAIN_MS), Math.floor(max / GRAIN_MS)) * GRAIN_MS;

/**
 * Draws a chaos schedule from a seeded PRNG (mulberry32): fault kind uniformly from `faults`, a
 * target (one node, a minority, a VIP holder, the Galera writer, a Gluster brick, a RabbitMQ node,
 * a controller), a hold, then a quiet period. Low never overlaps faults and never takes more than a
 * minority of a group; high overlaps up to two faults and may take majorities. Pure and
 * deterministic; throws RangeError on bad options or a fault kind with no target in the topology.
 */
export function generateSchedule(o: ChaosOptions): Schedule {
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) throw new RangeError(`seed must be a whole number in [0, 4294967295], got ${o.seed}`);
  if (!Number.isInteger(o.durationMs) || o.durationMs <= 0) throw new RangeError(`durationMs must be a positive whole number, got ${o.durationMs}`);
  const faults = [...new Set(o.faults)];
  if (faults.length === 0) throw new RangeError("at least one fault kind is needed");
  const unknown = faults.filter((f) => !FAULT_KINDS.includes(f));
  if (unknown.length) throw new RangeError(`unknown fault kinds: ${unknown.join(", ")} (known: ${FAULT_KINDS.join(", ")})`);
  const menus = Object.fromEntries(faults.map((k) => [k, choosersFor(k, o.topology, o.intensity)]));
  const empty = faults.filter((k) => menus[k]!.length === 0);
  if (empty.length) throw new RangeError(`no target for ${empty.join(", ")} in topology ${o.topology.name}`);

  const rng = mulberry32(o.seed);
  const steps: Step[] = [];
  let t = draw(rng, LEAD);
  for (;;) {
    const kind = pick(rng, faults);
    const choice = pick(rng, menus[kind]!)(rng);
    const holdMs = draw(rng, HOLD[kind]);
    if (t + holdMs > o.durationMs) break;
    steps.push({
      atMs: t,
      kind,
      target: choice.target,
      holdMs,
      ...(choice.process ? { process: choice.process } : {}),
      ...(kind === "netem" ? { netem: { delayMs: intBetween(rng, 50, 400), jitterMs: intBetween(rng, 0, 50), lossPercent: intBetween(rng, 0, 5) } } : {}),
    });
    const end = t + holdMs;
    if (o.intensity === "low") t = end + draw(rng, QUIET.low);
    else {
      // Overlap with this step, never with the one before it: at most two faults at once.
      const prev = steps.at(-2);
      t = Math.max(t + draw(rng, [Math.min(holdMs, 2_000), holdMs + QUIET.high[1]]), prev ? prev.atMs + prev.holdMs : 0);
    }
  }
  return { version: 1, topology: o.topology.name, seed: o.seed, durationMs: o.durationMs, intensity: o.intensity, faults, steps };
}
