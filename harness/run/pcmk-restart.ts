import { compareMono, completedOps, faultWindow, nsToMs, type HistoryEvent } from "../history/index.ts";

/**
 * Ms from the first fault's `effective` event to the completion of the first ok op of
 * `process` invoked after it: the restart time as a client sees it. NaN with no effective fault
 * or no such op. Pure.
 */
export function firstOkAfterFaultMs(events: readonly HistoryEvent[], process: string): number {
  const { effectiveMono } = faultWindow(events);
  if (!effectiveMono) return Number.NaN;
  const ok = completedOps(events, { process })
    .filter((o) => o.type === "ok" && o.completeMono && compareMono(o.invokeMono, effectiveMono) >= 0)
    .sort((a, b) => compareMono(a.completeMono!, b.completeMono!))[0];
  return ok ? Math.round(nsToMs(BigInt(ok.completeMono!) - BigInt(effectiveMono))) : Number.NaN;
}
