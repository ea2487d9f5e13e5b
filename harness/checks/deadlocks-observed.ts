import type { HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { verdict } from "./compose.ts";
import { deadlocks, type DeadlocksDetails } from "./deadlocks.ts";
import type { Verdict } from "./verdict.ts";

/** What {@link deadlocksObserved} reports: {@link deadlocks}' details plus the attempts and the rate per attempt. */
export type DeadlocksObservedDetails = DeadlocksDetails & { attempts: number; ratePerAttempt: number; nodes: string[] };

/** Options for {@link deadlocksObserved}. */
export interface DeadlocksObservedOptions {
  /** The conflicting writers' process; each try of an increment is one of its f="attempt" ops. */
  process: string;
}

/**
 * The multi-writer "before" state surfaces ERROR 1213: true when `process` met at least one
 * deadlock (counted as {@link deadlocks} counts them), false when it ran and met none; unknown
 * without ops. Reports `count`, `attempts`, `ratePerAttempt` (NaN without attempts) and the
 * Galera nodes its attempts reached (`nodes`). Its metric is the count (none without ops).
 */
export function deadlocksObserved(events: readonly HistoryEvent[], o: DeadlocksObservedOptions): Verdict<DeadlocksObservedDetails> {
  const v = deadlocks(events, { process: o.process, maxDeadlocks: Number.MAX_SAFE_INTEGER });
  const count = Number(v.details.count ?? 0);
  const attempts = completedOps(events, { process: o.process, f: "attempt" });
  const nodes = [...new Set(attempts.map((a) => a.host).filter((h): h is string => !!h))].sort();
  const details = { ...v.details, attempts: attempts.length, ratePerAttempt: attempts.length ? count / attempts.length : Number.NaN, nodes };
  return verdict<DeadlocksObservedDetails>(v.valid === true ? count > 0 : v.valid, count > 0 || v.valid !== true ? details : { ...details, reason: "no 1213 deadlock" }, v.metric);
}
