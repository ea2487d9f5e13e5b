import { matches, type HistoryEvent } from "../history/index.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options of {@link restartThenRelocate}. */
export interface RestartThenRelocateOptions {
  /** The service resource, e.g. "mysql". */
  resource: string;
  /** Where it ran before the first fault. */
  home: string;
  /** The other nodes of its pool. */
  standby: string[];
  /** The paper's RESTART_ATTEMPTS. */
  restartAttempts: number;
  /** Name of the fault that kills the service (its effective events delimit the windows). */
  fault: string;
}

/**
 * The paper's RESTART_ATTEMPTS semantics, from placement samples: after each of the first
 * `restartAttempts` effective faults the resource ends its window (until the next fault, or the
 * end) running on `home` again (restarted in place); after the next one it ends on a `standby`
 * node (relocated). Unknown with fewer faults or a window with no sample showing it running. Pure.
 */
export function restartThenRelocate(events: readonly HistoryEvent[], o: RestartThenRelocateOptions): Verdict {
  const faults = events
    .map((e, i) => [e, i] as const)
    .filter(([e]) => e.kind === "fault" && e.fault === o.fault && e.phase === "effective")
    .map(([, i]) => i);
  const base = { resource: o.resource, home: o.home, restartAttempts: o.restartAttempts, faults: faults.length };
  if (faults.length < o.restartAttempts + 1) return verdict("unknown", { ...base, reason: `${faults.length} effective ${o.fault} faults, need ${o.restartAttempts + 1}` });
  const endedOn = faults.slice(0, o.restartAttempts + 1).map((start, k) => {
    const end = faults[k + 1] ?? events.length;
    let node: string | null = null;
    for (const e of events.slice(start, end)) {
      if (e.kind !== "sample" || !matches(e.subject, { kind: "placement" })) continue;
      const on = (e.value as { runningOn?: Record<string, string[]> }).runningOn?.[o.resource] ?? [];
      if (on.length === 1) node = on[0]!;
    }
    return node;
  });
  const details = { ...base, endedOn };
  if (endedOn.some((n) => n === null)) return verdict("unknown", { ...details, reason: "a fault window has no sample showing the resource running" });
  const moved = endedOn.slice(0, o.restartAttempts).findIndex((n) => n !== o.home);
  if (moved >= 0) return verdict(false, { ...details, reason: `failure ${moved + 1} moved ${o.resource} to ${endedOn[moved]} (want a restart in place on ${o.home})` });
  const last = endedOn[o.restartAttempts]!;
  if (!o.standby.includes(last)) return verdict(false, { ...details, reason: `failure ${o.restartAttempts + 1} left ${o.resource} on ${last} (want relocation to ${o.standby.join(" or ")})` });
  return verdict(true, details);
}
