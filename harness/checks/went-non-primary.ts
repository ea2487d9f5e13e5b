import { compareMono, relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { samplesOf } from "../history/samples.ts";
import type { Subject } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link wentNonPrimary}. */
export interface WentNonPrimaryOptions {
  /** The Galera node cut off from its peers. */
  node: string;
  /** Longest tolerated time from the fault's effect to a sample of the node saying non-Primary. */
  withinMs: number;
  /** Sample subject of the node's wsrep status `{status}`; default `{ kind: "wsrep", host: node }`. */
  subject?: Subject;
  /** Only fault events with this name give the window; default all faults. */
  fault?: string;
}

/**
 * The isolated Galera node went non-Primary in time, judged only from its wsrep samples inside
 * the fault window (first effective to last healed). True when one says `non-Primary` within
 * withinMs of the effect (`nonPrimaryAfterMs`); false when the first such sample is later, or a
 * sample past the bound still says `Primary`; unknown without an effective fault, or when no
 * sample past the bound answered (the node stopped answering, or the fault healed first).
 */
export function wentNonPrimary(events: readonly HistoryEvent[], o: WentNonPrimaryOptions): Verdict {
  const { effectiveMono, healedMono } = faultWindow(events, o.fault);
  const base = { node: o.node, withinMs: o.withinMs };
  if (!effectiveMono) return verdict("unknown", { ...base, reason: "no effective fault event" });
  const ms = relativeClock(events);
  const effMs = ms(effectiveMono);
  const inside = samplesOf(events, o.subject ?? { kind: "wsrep", host: o.node }).filter((s) => compareMono(s.mono, effectiveMono) >= 0 && (!healedMono || compareMono(s.mono, healedMono) <= 0));
  const status = (v: unknown) => (v as { status?: unknown } | null)?.status;
  const first = inside.find((s) => status(s.value) === "non-Primary");
  if (first) {
    const nonPrimaryAfterMs = ms(first.mono) - effMs;
    const ok = nonPrimaryAfterMs <= o.withinMs;
    return verdict(ok, { ...base, nonPrimaryAfterMs, ...(ok ? {} : { reason: "non-Primary only after the bound" }) });
  }
  const stillPrimary = inside.find((s) => ms(s.mono) - effMs > o.withinMs && status(s.value) === "Primary");
  if (stillPrimary) return verdict(false, { ...base, reason: "still Primary after the bound", primaryAtMs: ms(stillPrimary.mono) - effMs });
  return verdict("unknown", { ...base, samples: inside.length, reason: "no wsrep sample inside the fault window said non-Primary, and none past the bound answered" });
}
