import type { HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { lastSample } from "../history/samples.ts";
import type { Subject } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import { asNumber } from "./final-reads.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link noLostUpdate}. */
export interface NoLostUpdateOptions {
  /** Counter process; default "counter". Each ok "increment" adds one. */
  process?: string;
  /** Sample holding the final counter value; default `counter:final`, the final part of `process`. */
  finalSubject?: Subject;
}

/**
 * No lost or phantom update on a counter: with A acked (ok) increments and I indeterminate
 * (info or fail) ones, the last final sample must lie in [A, A + I], i.e. equal A when none is
 * indeterminate. False otherwise; unknown without a numeric final sample.
 */
export function noLostUpdate(events: readonly HistoryEvent[], opts: NoLostUpdateOptions = {}): Verdict {
  const ops = completedOps(events, { process: opts.process ?? "counter", f: "increment" });
  const acked = ops.filter((o) => o.type === "ok").length;
  const indeterminate = ops.length - acked;
  const final = asNumber(lastSample(events, opts.finalSubject ?? { kind: "counter", process: "counter", part: "final" })?.value);
  if (final === undefined) return verdict("unknown", { reason: "no numeric final counter sample", acked, indeterminate });
  const lost = Math.max(0, acked - final);
  const phantom = Math.max(0, final - acked - indeterminate);
  return verdict(lost === 0 && phantom === 0, { acked, indeterminate, final, lost, phantom });
}
