import { compareMono, relativeClock } from "../history/clock.ts";
import type { FaultEvent, HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { verdict } from "./compose.ts";
import { outage, type ProcessOutage } from "./outage.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link availability}. Without thresholds availability is reported, never judged. */
export interface AvailabilityOptions {
  /** Probe processes to measure; default every process with ops. A listed process without ops is unknown. */
  processes?: string[];
  /** Lowest tolerated availability in percent: one figure for every probe, or per probe. */
  minPct?: number | Record<string, number>;
  /** Longest tolerated outage: one figure for every probe, or per probe. */
  maxOutageMs?: number | Record<string, number>;
  /** An outage whose first failure comes up to this long after a fault healed is still that fault's; default 60 s. */
  graceMs?: number;
}

/** One probe's availability over the time it ran. */
export interface ProbeAvailability {
  ops: number;
  /** From its first invoke to its last completion. */
  observedMs: number;
  /** Time inside outage windows (as the outage check measures them). */
  downMs: number;
  /** 100 × (1 − downMs / observedMs), two decimals; NaN when observedMs is 0 (nothing to measure). */
  pct: number;
  longestOutageMs: number;
  outages: number;
  /** Outage windows by the kind of fault they fell in ("none" when no fault was in force). */
  byFault: Record<string, number>;
}

interface Period {
  kind: string;
  startMs: number;
  endMs: number;
}

/** A fault event's kind: its name up to the first colon ("kill-process:keystone" -> "kill-process"). */
const kindOf = (fault: string) => fault.split(":")[0]!;
const limitFor = (v: number | Record<string, number> | undefined, p: string) => (typeof v === "number" ? v : v?.[p]);

/**
 * Availability per probe process (`details.probes`): the share of its observed time outside outage windows, its
 * longest outage, and its outages counted by the fault kind in force when each began (latest
 * fault started before it, up to graceMs after that fault healed). True when no threshold is
 * configured or every configured one is met; false naming each miss; unknown with no ops, or
 * for a probe whose observed time is 0 (its share cannot be measured, so it never reads 100 %).
 */
export function availability(events: readonly HistoryEvent[], opts: AvailabilityOptions = {}): Verdict {
  const o = outage(events, { processes: opts.processes });
  const per = (o.details.processes ?? {}) as Record<string, ProcessOutage>;
  const names = opts.processes ?? Object.keys(per);
  const thresholds = { minPct: opts.minPct, maxOutageMs: opts.maxOutageMs };
  if (names.length === 0) return verdict("unknown", { reason: "no probe ops in history", thresholds });
  const ms = relativeClock(events);
  const periods = faultPeriods(events, ms);
  const grace = opts.graceMs ?? 60_000;
  const processes: Record<string, ProbeAvailability> = {};
  const outagesByFault: Record<string, number> = {};
  const misses: string[] = [];
  const missing: string[] = [];
  const unobserved: string[] = [];
  for (const p of names) {
    const out = per[p];
    const ops = completedOps(events, { process: p });
    if (!out || ops.length === 0) {
      missing.push(p);
      continue;
    }
    const first = Math.min(...ops.map((x) => ms(x.invokeMono)));
    const last = Math.max(...ops.map((x) => ms(x.completeMono ?? x.invokeMono)));
    const observedMs = Math.max(0, last - first);
    // No time observed (one op that never completed, or ops all at one instant): no share to measure.
    if (observedMs === 0) unobserved.push(p);
    const downMs = out.windows.reduce((sum, w) => sum + Math.max(0, Math.min(w.endMs, last) - Math.max(w.startMs, first)), 0);
    const byFault: Record<string, number> = {};
    for (const w of out.windows) {
      const during = periods.filter((f) => f.startMs <= w.narrowStartMs && w.narrowStartMs <= f.endMs + grace).at(-1);
      const kind = during?.kind ?? "none";
      byFault[kind] = (byFault[kind] ?? 0) + 1;
      outagesByFault[kind] = (outagesByFault[kind] ?? 0) + 1;
    }
    const pct = observedMs > 0 ? Math.round(10_000 * (1 - Math.min(downMs, observedMs) / observedMs)) / 100 : Number.NaN;
    processes[p] = { ops: ops.length, observedMs, downMs, pct, longestOutageMs: out.maxMs, outages: out.count, byFault };
    const minPct = limitFor(opts.minPct, p);
    const maxMs = limitFor(opts.maxOutageMs, p);
    if (minPct !== undefined && observedMs > 0 && pct < minPct) misses.push(`${p}: available ${pct}% < ${minPct}%`);
    if (maxMs !== undefined && out.maxMs > maxMs) misses.push(`${p}: longest outage ${Math.round(out.maxMs)} ms > ${maxMs} ms`);
  }
  const longestOutageMs = Math.max(0, ...Object.values(processes).map((x) => x.longestOutageMs));
  const lowest = Object.entries(processes)
    .filter(([, a]) => a.observedMs > 0)
    .sort(([, a], [, b]) => a.pct - b.pct)[0];
  // Scalars first: the report's one-line digest shows the leading fields.
  const details = {
    lowest: lowest ? `${lowest[0]} ${lowest[1].pct}%` : "none",
    longestOutageMs,
    faults: periods.length,
    misses,
    probes: processes,
    outagesByFault,
    thresholds,
    ...(missing.length ? { missing } : {}),
    ...(unobserved.length ? { unobserved } : {}),
  };
  if (misses.length) return verdict(false, details);
  const reasons = [...(missing.length ? [`no ops for ${missing.join(", ")}`] : []), ...(unobserved.length ? [`no observed time for ${unobserved.join(", ")}`] : [])];
  return verdict(reasons.length ? "unknown" : true, reasons.length ? { ...details, reason: reasons.join("; ") } : details);
}

/** Each injection from its start to its healed/failed event (or the history end), in start order. */
function faultPeriods(events: readonly HistoryEvent[], ms: (mono: string) => number): Period[] {
  const faults = events.filter((e): e is FaultEvent => e.kind === "fault").sort((a, b) => compareMono(a.mono, b.mono));
  const endMs = events.reduce((m, e) => Math.max(m, ms(e.mono)), 0);
  const open = new Map<string, Period>();
  const out: Period[] = [];
  for (const e of faults) {
    const key = `${e.fault}\u0000${e.targets.join(",")}`;
    if (e.phase === "start") {
      const p = { kind: kindOf(e.fault), startMs: ms(e.mono), endMs };
      open.set(key, p);
      out.push(p);
    } else if (e.phase === "healed" || e.phase === "failed") {
      const p = open.get(key);
      if (p) p.endMs = ms(e.mono);
      open.delete(key);
    }
  }
  return out;
}
