import { compareMono, relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { completedOps, type CompletedOp } from "../history/ops.ts";
import { compose, verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** One outage of a probe; all times are ms since the history start. */
export interface OutageWindow {
  /** Completion of the last ok before the first failure (invoke of the first failure if no ok preceded). */
  startMs: number;
  /** Completion of the first ok after the failure; the history end when it never recovered. */
  endMs: number;
  /** endMs - startMs: the conservative (upper-bound) outage, compared with maxOutageMs. */
  lengthMs: number;
  /** Completion of the first failed op. */
  narrowStartMs: number;
  /** endMs - narrowStartMs: "first failure to first ok", a lower bound. */
  narrowMs: number;
  /** Failed or indeterminate ops inside the window. */
  failedOps: number;
  recovered: boolean;
}

/** Outages of one probe process. */
export interface ProcessOutage {
  windows: OutageWindow[];
  maxMs: number;
  totalMs: number;
  count: number;
  ops: number;
}

/** What {@link outage} reports: the bound, and each judged process's windows. */
export type OutageDetails = {
  maxOutageMs?: number;
  processes?: Record<string, ProcessOutage>;
  reason?: string;
  [k: string]: unknown;
};

/** Options for {@link outage}. */
export interface OutageOptions {
  /** Probe processes to judge; default every process with ops. A listed process without ops is unknown. */
  processes?: string[];
  /** Only ops with this f (e.g. "connect"). */
  f?: string;
  /** Longest tolerated window (lengthMs); without it only recovery is judged. */
  maxOutageMs?: number;
  /**
   * Also a window: two successive ok completions further apart than this, with no failure between (a frozen
   * service: its ops hang, then all succeed at the thaw). Off without it.
   */
  stallMs?: number;
}

/**
 * Outage windows per probe process. Ops are ordered by completion time (an invoke that never
 * completed counts as a failure at its invoke time). A window opens at the first fail/info after
 * an ok (or at the first op) and closes at the completion of the next ok; it starts at the
 * completion of the last ok before it. A failure invoked before the latest invoke of any ok so far opens none:
 * an open loop's op that hung through a window already closed reports only that window's time. With
 * `stallMs`, a longer gap between two ok completions is a window too. False if a window exceeds
 * maxOutageMs or never closes; unknown if a process has no ops. Its metric is the longest window.
 */
export function outage(events: readonly HistoryEvent[], opts: OutageOptions = {}): Verdict<OutageDetails> {
  const ops = completedOps(events).filter((o) => opts.f === undefined || o.f === opts.f);
  const names = opts.processes ?? [...new Set(ops.map((o) => o.process))];
  if (names.length === 0) return verdict("unknown", { reason: "no probe ops in history", maxOutageMs: opts.maxOutageMs });
  const ms = relativeClock(events);
  const endMs = events.reduce((m, e) => Math.max(m, ms(e.mono)), 0);
  const perProcess: Record<string, ProcessOutage> = {};
  const verdicts: Record<string, Verdict> = {};
  for (const p of names) {
    const mine = ops.filter((o) => o.process === p);
    if (mine.length === 0) {
      verdicts[p] = verdict("unknown", { reason: `no ops for process ${p}` });
      continue;
    }
    const o = windowsOf(mine, ms, endMs, opts.stallMs);
    perProcess[p] = o;
    const neverRecovered = o.windows.some((w) => !w.recovered);
    const tooLong = opts.maxOutageMs !== undefined && o.maxMs > opts.maxOutageMs;
    verdicts[p] = verdict(!neverRecovered && !tooLong, { ...o, neverRecovered, tooLong });
  }
  const c = compose(verdicts);
  const longest = Object.values(perProcess).map((o) => o.maxMs);
  // The metric: the longest window over the judged processes.
  return verdict<OutageDetails>(c.valid, { maxOutageMs: opts.maxOutageMs, processes: perProcess, verdicts }, longest.length ? Math.max(...longest) : undefined);
}

function windowsOf(ops: CompletedOp[], ms: (mono: string) => number, historyEndMs: number, stallMs?: number): ProcessOutage {
  const timed = ops.map((o) => ({ o, at: o.completeMono ?? o.invokeMono })).sort((a, b) => compareMono(a.at, b.at) || compareMono(a.o.invokeMono, b.o.invokeMono));
  const windows: OutageWindow[] = [];
  let lastOk: { at: string; invoked: string } | undefined;
  let open: { start: number; narrowStart: number; failed: number } | undefined;
  for (const { o, at } of timed) {
    if (o.type === "ok") {
      if (open) windows.push(close(open, ms(at), true));
      else if (stallMs !== undefined && lastOk && ms(at) - ms(lastOk.at) > stallMs) windows.push(close({ start: ms(lastOk.at), narrowStart: ms(lastOk.at), failed: 0 }, ms(at), true));
      open = undefined;
      // The latest invoke of any ok so far: a late ok of an op invoked long ago does not make older failures new.
      lastOk = { at, invoked: lastOk && compareMono(lastOk.invoked, o.invokeMono) > 0 ? lastOk.invoked : o.invokeMono };
    } else if (open) {
      open.failed++;
    } else if (!lastOk || compareMono(o.invokeMono, lastOk.invoked) > 0) {
      open = { start: ms(lastOk?.at ?? o.invokeMono), narrowStart: ms(at), failed: 1 };
    }
  }
  const lastAt = timed.at(-1)!.at;
  if (open) windows.push(close(open, Math.max(historyEndMs, ms(lastAt)), false));
  const lengths = windows.map((w) => w.lengthMs);
  return {
    windows,
    maxMs: lengths.length ? Math.max(...lengths) : 0,
    totalMs: lengths.reduce((a, b) => a + b, 0),
    count: windows.length,
    ops: ops.length,
  };
}

function close(w: { start: number; narrowStart: number; failed: number }, end: number, recovered: boolean): OutageWindow {
  return {
    startMs: w.start,
    endMs: end,
    lengthMs: end - w.start,
    narrowStartMs: w.narrowStart,
    narrowMs: end - w.narrowStart,
    failedOps: w.failed,
    recovered,
  };
}
