import { compareMono, relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { completedOps } from "../history/ops.ts";
import { compose, verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** What {@link failedOver} reports: each process's failover time (undefined when it did not fail over). */
export type FailedOverDetails = {
  failoverMs?: Record<string, number | undefined>;
  reason?: string;
  [k: string]: unknown;
};

/** Options for {@link failedOver}. */
export interface FailedOverOptions {
  /** Client processes that must fail over (their ok ops carry the serving host). */
  processes: string[];
  /** Hosts lost to the fault: a failed-over op is served by none of them. */
  away: string[];
  /** Longest tolerated time from the fault taking effect to the first ok op served elsewhere. */
  withinMs?: number;
  /** Only fault events with this name give the fault time; default all faults. */
  fault?: string;
}

/**
 * Each process served an ok op from a host outside `away` after the fault took effect (and
 * before its heal): the client walked its host list. Reports `failoverMs` per process (fault
 * effective -> completion of that op). False if a process never did, or took longer than
 * withinMs; unknown without a fault or without ok ops of a process. Its metric is the slowest process's failoverMs.
 */
export function failedOver(events: readonly HistoryEvent[], o: FailedOverOptions): Verdict<FailedOverDetails> {
  const { effectiveMono, healedMono } = faultWindow(events, o.fault);
  if (!effectiveMono) return verdict("unknown", { reason: "no effective fault event" });
  const ms = relativeClock(events);
  const per: Record<string, Verdict> = {};
  for (const p of o.processes) {
    const ok = completedOps(events, { process: p }).filter((op) => op.type === "ok" && op.completeMono);
    if (ok.length === 0) {
      per[p] = verdict("unknown", { reason: `no ok ops for ${p}` });
      continue;
    }
    const first = ok.find(
      (op) => compareMono(op.completeMono!, effectiveMono) > 0 && (!healedMono || compareMono(op.completeMono!, healedMono) <= 0) && op.host !== undefined && !o.away.includes(op.host),
    );
    if (!first) {
      per[p] = verdict(false, { reason: `no ok op served outside ${o.away.join(", ")} while the fault held` });
      continue;
    }
    const failoverMs = ms(first.completeMono!) - ms(effectiveMono);
    per[p] = verdict(o.withinMs === undefined || failoverMs <= o.withinMs, { failoverMs, host: first.host, withinMs: o.withinMs });
  }
  const c = compose(per);
  const failoverMs = Object.fromEntries(Object.entries(per).map(([p, v]) => [p, v.details.failoverMs as number | undefined]));
  const times = Object.values(failoverMs);
  // The metric: the slowest process's failover, when every process failed over.
  const slowest = times.length && times.every((t) => typeof t === "number") ? Math.max(...(times as number[])) : undefined;
  return verdict<FailedOverDetails>(c.valid, { away: o.away, failoverMs, processes: per }, slowest);
}
