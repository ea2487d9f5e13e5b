import { faultWindow } from "../history/fault-window.ts";
import type { FaultEvent, HistoryEvent } from "../history/event.ts";
import { compareMono, monoNs } from "../history/clock.ts";
import { verdict } from "./compose.ts";
import { outage, type OutageWindow } from "./outage.ts";
import type { Verdict } from "./verdict.ts";

/** What {@link outageMatchesFault} reports: the fault's length, the measured outage, and their difference. */
export type OutageMatchesFaultDetails = {
  faultMs?: number;
  measuredMs?: number;
  errorMs?: number;
  /** The fault's edge uncertainty: start → effective plus heal → healed. */
  edgeMs?: number;
  reason?: string;
  [k: string]: unknown;
};

/** Options for {@link outageMatchesFault}. */
export interface OutageMatchesFaultOptions {
  process: string;
  /** Largest tolerated |measured window − fault length|, beyond the fault's own edge uncertainty. */
  toleranceMs: number;
  /** Passed to {@link outage}: a gap this long between ok completions is a window (a frozen service fails nothing). */
  stallMs?: number;
}

const ms = (a: string, b: string) => Number(monoNs(b) - monoNs(a)) / 1e6;

/**
 * Calibration: the process saw exactly one outage window, and its length differs from the fault's
 * length (effective → healed) by at most `toleranceMs` plus the fault's edge uncertainty: the fault
 * began somewhere between its `start` and `effective` events and ended between `heal` and `healed`,
 * so those two spans (`edgeMs`, measured in this very history) widen the tolerance. False otherwise;
 * unknown without a complete fault window or without ops of the process.
 */
export function outageMatchesFault(events: readonly HistoryEvent[], o: OutageMatchesFaultOptions): Verdict<OutageMatchesFaultDetails> {
  const { effectiveMono, healedMono } = faultWindow(events);
  if (!effectiveMono || !healedMono) return verdict("unknown", { reason: "no complete fault window" });
  const m = outage(events, { processes: [o.process], stallMs: o.stallMs });
  const per = (m.details.processes as Record<string, { windows: OutageWindow[] }> | undefined)?.[o.process];
  if (!per) return verdict("unknown", { reason: `no ops of ${o.process}` });
  const faultMs = ms(effectiveMono, healedMono);
  const faults = events.filter((e): e is FaultEvent => e.kind === "fault");
  const started = faults.filter((e) => e.phase === "start" && compareMono(e.mono, effectiveMono) <= 0).at(-1)?.mono ?? effectiveMono;
  const healing = faults.filter((e) => e.phase === "heal" && compareMono(e.mono, healedMono) <= 0).at(-1)?.mono ?? healedMono;
  const edgeMs = ms(started, effectiveMono) + ms(healing, healedMono);
  if (per.windows.length !== 1) return verdict(false, { reason: `${per.windows.length} outage windows, want 1`, faultMs, windows: per.windows });
  const measuredMs = per.windows[0].lengthMs;
  const errorMs = measuredMs - faultMs;
  return verdict<OutageMatchesFaultDetails>(Math.abs(errorMs) <= o.toleranceMs + edgeMs, { faultMs, measuredMs, errorMs, toleranceMs: o.toleranceMs, edgeMs }, measuredMs);
}
