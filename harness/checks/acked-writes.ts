import type { HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { verdict } from "./compose.ts";
import { asNumber, finalReads } from "./final-reads.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link ackedWrites}. */
export interface AckedWritesOptions {
  /** Writer process; default "mysql". */
  process?: string;
  /** Write function; default "insert". Its value is the row's sequence number. */
  f?: string;
  /** Final rows per node, used for nodes with no `rows:<node>` sample in the history. */
  finalRows?: Record<string, number[]>;
}

/**
 * No lost acknowledged writes. False if an ok (acked) value is missing from any node's final
 * rows, or a node holds a value never attempted. fail/info writes are indeterminate: counted,
 * never judged. Unknown with no final reads, a malformed one, or no acked write.
 */
export function ackedWrites(events: readonly HistoryEvent[], opts: AckedWritesOptions = {}): Verdict {
  const process = opts.process ?? "mysql";
  const ops = completedOps(events, { process, f: opts.f ?? "insert" });
  const reads = finalReads(events, { kind: "rows" }, opts.finalRows);
  const nodes = Object.keys(reads).sort();
  const base = { process, attempted: ops.length, nodes };
  if (nodes.length === 0) return verdict("unknown", { ...base, reason: "no final reads" });
  const malformed = nodes.filter((n) => reads[n] === undefined);
  if (malformed.length) return verdict("unknown", { ...base, reason: "malformed final reads", malformed });
  const attempted = new Set<number>();
  const acked = new Set<number>();
  const indeterminate = new Set<number>();
  for (const o of ops) {
    const v = asNumber(o.value);
    if (v === undefined) continue;
    attempted.add(v);
    (o.type === "ok" ? acked : indeterminate).add(v);
  }
  for (const v of acked) indeterminate.delete(v);
  const lost: Record<string, number[]> = {};
  const phantom: Record<string, number[]> = {};
  const indeterminatePresent: Record<string, number> = {};
  const duplicates: Record<string, number> = {};
  for (const n of nodes) {
    const rows = reads[n]!;
    const present = new Set(rows);
    const missing = [...acked].filter((v) => !present.has(v)).sort((a, b) => a - b);
    const extra = [...present].filter((v) => !attempted.has(v)).sort((a, b) => a - b);
    if (missing.length) lost[n] = missing;
    if (extra.length) phantom[n] = extra;
    indeterminatePresent[n] = [...indeterminate].filter((v) => present.has(v)).length;
    if (rows.length > present.size) duplicates[n] = rows.length - present.size;
  }
  const broken = Object.keys(lost).length > 0 || Object.keys(phantom).length > 0;
  const details = {
    ...base,
    acked: acked.size,
    indeterminate: indeterminate.size,
    indeterminatePresent,
    lost,
    phantom,
    duplicates,
  };
  if (broken) return verdict(false, details);
  return acked.size === 0 ? verdict("unknown", { ...details, reason: "no acknowledged writes" }) : verdict(true, details);
}
