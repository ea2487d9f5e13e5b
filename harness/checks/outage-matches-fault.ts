import { faultWindow } from "../history/fault-window.ts";
import type { HistoryEvent } from "../history/event.ts";
import { monoNs } from "../history/clock.ts";
import { verdict } from "./compose.ts";
import { outage, type OutageWindow } from "./outage.ts";
import type { Verdict } from "./verdict.ts";

/** What {@link outageMatchesFault} reports: the fault's length, the measured outage, and their difference. */
export type OutageMatchesFaultDetails = {
  faultMs?: number;
  measuredMs?: number;
  errorMs?: number;
  reason?: string;
  [k: string]: unknown;
};

/** Options for {@link outageMatchesFault}. */
export interface OutageMatchesFaultOptions {
  process: string;
  /** Largest tolerated |measured window − fault length|. */
  toleranceMs: number;
}

/**
 * Calibration: the process saw exactly one outage window, and its length differs from the fault's
 * length (effective → healed) by at most `toleranceMs`. False otherwise; unknown without a
 * complete fault window or without ops of the process.
 */
export function outageMatchesFault(events: readonly HistoryEvent[], o: OutageMatchesFaultOptions): Verdict<OutageMatchesFaultDetails> {
  const { effectiveMono, healedMono } = faultWindow(events);
  if (!effectiveMono || !healedMono) return verdict("unknown", { reason: "no complete fault window" });
  const m = outage(events, { processes: [o.process] });
  const per = (m.details.processes as Record<string, { windows: OutageWindow[] }> | undefined)?.[o.process];
  if (!per) return verdict("unknown", { reason: `no ops of ${o.process}` });
  const faultMs = Number(monoNs(healedMono) - monoNs(effectiveMono)) / 1e6;
  if (per.windows.length !== 1) return verdict(false, { reason: `${per.windows.length} outage windows, want 1`, faultMs });
  const measuredMs = per.windows[0].lengthMs;
  const errorMs = measuredMs - faultMs;
  return verdict<OutageMatchesFaultDetails>(Math.abs(errorMs) <= o.toleranceMs, { faultMs, measuredMs, errorMs, toleranceMs: o.toleranceMs }, measuredMs);
}
