import type { HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

// Galera reports a certification conflict between nodes as the same 1213 deadlock, so this
// counts both InnoDB deadlocks and multi-writer conflicts.
const DEADLOCK_CODES: readonly (string | number)[] = [1213, "1213", "ER_LOCK_DEADLOCK"];

/** What {@link deadlocks} reports: the deadlock count (absent without ops), its rate and where. */
export type DeadlocksDetails = {
  count?: number;
  reason?: string;
  [k: string]: unknown;
};

/** Options for {@link deadlocks}. */
export interface DeadlocksOptions {
  /** Only ops of this process; default every process. */
  process?: string;
  /** Most deadlocks tolerated; default 0 (single-writer setups should never deadlock). */
  maxDeadlocks?: number;
  /** Error codes that mean deadlock; default 1213, "1213", "ER_LOCK_DEADLOCK". */
  codes?: readonly (string | number)[];
}

/**
 * Counts ops whose error code means deadlock, with the rate per op and per process. False if the
 * count exceeds maxDeadlocks; unknown with no ops. Its metric is the count.
 */
export function deadlocks(events: readonly HistoryEvent[], opts: DeadlocksOptions = {}): Verdict<DeadlocksDetails> {
  const ops = completedOps(events, { process: opts.process });
  const max = opts.maxDeadlocks ?? 0;
  if (ops.length === 0) return verdict("unknown", { reason: "no ops", process: opts.process, maxDeadlocks: max });
  const codes = new Set(opts.codes ?? DEADLOCK_CODES);
  const hits = ops.filter((o) => o.error?.code !== undefined && codes.has(o.error.code));
  const byProcess: Record<string, number> = {};
  for (const o of hits) byProcess[o.process] = (byProcess[o.process] ?? 0) + 1;
  return verdict(
    hits.length <= max,
    {
      process: opts.process,
      count: hits.length,
      ops: ops.length,
      rate: hits.length / ops.length,
      maxDeadlocks: max,
      byProcess,
    },
    hits.length,
  );
}
