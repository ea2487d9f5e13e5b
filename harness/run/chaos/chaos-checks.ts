import { ackedWrites, availability, confirmedMessages, convergedAfterHeal, imageIntegrity, tokenContinuity, verdict, vipUniqueness, type Verdict } from "../../checks/index.ts";
import { samplesOf, type HistoryEvent } from "../../history/index.ts";
import type { Topology } from "../../../topologies/index.ts";
import type { RequirementId } from "../../requirements/index.ts";
import type { Check, Checks } from "../index.ts";
import { rabbitConverged } from "../index.ts";

/** Availability thresholds; without any, availability is reported and never fails a run. */
export interface ChaosThresholds {
  minAvailabilityPct?: number;
  maxOutageMs?: number;
}

/** Requirement id of the availability check in the summary. */
export const AVAILABILITY_CHECK = "CHAOS-AVAILABILITY" satisfies RequirementId;

// After the last heal every cluster must be whole again within this bound (Galera IST/SST, a
// RabbitMQ node restart, Pacemaker rejoin and group moves): generous for a loaded 2-core host.
export const CONVERGE_MS = 240_000;

const synced = (data: number) => (v: unknown) => {
  const s = v as { size?: number; state?: string; status?: string };
  return s.size === data && s.state === "Synced" && s.status === "Primary";
};

/**
 * Every step the run recorded (`chaos:step` samples) was injected, or skipped for a stated reason
 * (unsupported here, no live target). Unknown when one failed to apply after its retries (the run
 * did less than its schedule) or no step was recorded at all; never false.
 */
export function stepsApplied(events: readonly HistoryEvent[]): Verdict {
  const steps = samplesOf(events, { kind: "chaos-step" }).map((s) => s.value as { index: number; kind: string; outcome: string; reason?: string });
  const count = (o: string) => steps.filter((s) => s.outcome === o).length;
  const details = { steps: steps.length, injected: count("injected"), unsupported: count("unsupported"), noTarget: count("no-target"), failed: steps.filter((s) => s.outcome === "failed") };
  if (steps.length === 0) return verdict("unknown", { ...details, reason: "no step recorded" });
  return verdict(details.failed.length ? "unknown" : true, details.failed.length ? { ...details, reason: `${details.failed.length} step(s) failed to apply` } : details);
}

/**
 * The checks a chaos run is judged by: the safety checks over the whole history (no lost
 * acknowledged write or confirmed message, image integrity, VIP uniqueness, token continuity),
 * convergence after the last heal, and availability (false only against a configured threshold).
 */
export function chaosChecks(topology: Topology, t: ChaosThresholds = {}): Checks {
  const data = topology.hosts.filter((h) => h.role === "datahost").map((h) => h.name);
  const controllers = topology.hosts.filter((h) => h.role === "controller").map((h) => h.name);
  const vips = Object.fromEntries(
    // A VIP the table has no CHAOS-VIP-<NAME> row for is judged unknown, naming the id.
    topology.vips.map((v): [string, Check] => [`CHAOS-VIP-${v.name.toUpperCase()}`, (e) => vipUniqueness(e, { vip: v.name, allowed: v.allowed })]),
  );
  return {
    "CHAOS-STEPS-APPLIED": (e) => stepsApplied(e),
    "CHAOS-ACKED-WRITES": (e) => ackedWrites(e),
    "CHAOS-CONFIRMED": (e) => confirmedMessages(e),
    "CHAOS-IMAGES": (e) => imageIntegrity(e),
    ...vips,
    "CHAOS-TOKENS": (e) => tokenContinuity(e),
    "CHAOS-GALERA-CONVERGED": (e) =>
      convergedAfterHeal(e, { subject: { kind: "wsrep" }, subjects: data.map((host) => ({ kind: "wsrep", host })), predicate: synced(data.length), withinMs: CONVERGE_MS }),
    "CHAOS-RABBIT-CONVERGED": (e) =>
      convergedAfterHeal(e, { subject: { kind: "rabbit" }, subjects: data.map((host) => ({ kind: "rabbit", host })), predicate: rabbitConverged, withinMs: CONVERGE_MS }),
    "CHAOS-CONTROLLERS-CONVERGED": (e) =>
      convergedAfterHeal(e, {
        subject: { kind: "placement" },
        predicate: (v) => (v as { quorate?: boolean }).quorate === true && controllers.every((c) => (v as { online?: string[] }).online?.includes(c)),
        withinMs: CONVERGE_MS,
      }),
    [AVAILABILITY_CHECK]: (e) => availability(e, { minPct: t.minAvailabilityPct, maxOutageMs: t.maxOutageMs }),
  };
}

/** Availability metrics from the availability verdict: `availability.<probe>.pct`, `longestOutage.<probe>.ms`, `outages.<fault kind>`. */
export function availabilityMetrics(v: Verdict<object> | undefined): Record<string, number> {
  const d = (v?.details ?? {}) as {
    probes?: Record<string, { pct: number; longestOutageMs: number; outages: number }>;
    outagesByFault?: Record<string, number>;
    longestOutageMs?: number;
  };
  const m: Record<string, number> = {};
  for (const [p, a] of Object.entries(d.probes ?? {})) {
    m[`availability.${p}.pct`] = a.pct;
    m[`longestOutage.${p}.ms`] = Math.round(a.longestOutageMs);
  }
  for (const [kind, n] of Object.entries(d.outagesByFault ?? {})) m[`outages.${kind}`] = n;
  if (typeof d.longestOutageMs === "number") m["longestOutage.ms"] = Math.round(d.longestOutageMs);
  return m;
}
