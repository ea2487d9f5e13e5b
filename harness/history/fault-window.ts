import { compareMono } from "./clock.ts";
import type { FaultEvent, HistoryEvent } from "./event.ts";

/** When a fault held: from its first proved `effective` to its last `healed` (either may be missing). */
export interface FaultWindow {
  effectiveMono?: string;
  healedMono?: string;
}

/** The window spanned by fault events (optionally only those named `fault`): first effective, last healed. */
export function faultWindow(events: readonly HistoryEvent[], fault?: string): FaultWindow {
  const faults = events.filter((e): e is FaultEvent => e.kind === "fault" && (fault === undefined || e.fault === fault)).sort((a, b) => compareMono(a.mono, b.mono));
  return {
    effectiveMono: faults.find((e) => e.phase === "effective")?.mono,
    healedMono: faults.filter((e) => e.phase === "healed").at(-1)?.mono,
  };
}
