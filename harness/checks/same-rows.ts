import type { HistoryEvent } from "../history/event.ts";
import type { SubjectPattern } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import { finalReads } from "./final-reads.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link sameRows}. */
export interface SameRowsOptions {
  /** Samples of the per-node final reads; default `{ kind: "rows" }`. */
  subject?: SubjectPattern;
  /** Fewest nodes that must have been read; default 2 (one node agrees with nothing). */
  minNodes?: number;
}

/**
 * Every node's final rows are identical (the same set of values, the same count). Reads the last
 * `rows:<node>` sample per node. False naming, per node, the values it lacks or has beyond the
 * union's first node; unknown with fewer than minNodes reads or a malformed one.
 */
export function sameRows(events: readonly HistoryEvent[], opts: SameRowsOptions = {}): Verdict {
  const reads = finalReads(events, opts.subject ?? { kind: "rows" });
  const nodes = Object.keys(reads).sort();
  const minNodes = opts.minNodes ?? 2;
  if (nodes.length < minNodes) return verdict("unknown", { reason: `final reads from ${nodes.length} node(s), need ${minNodes}`, nodes });
  const malformed = nodes.filter((n) => reads[n] === undefined);
  if (malformed.length) return verdict("unknown", { reason: "malformed final reads", malformed });
  const sets = Object.fromEntries(nodes.map((n) => [n, new Set(reads[n]!)]));
  const union = new Set(nodes.flatMap((n) => reads[n]!));
  const counts = Object.fromEntries(nodes.map((n) => [n, reads[n]!.length]));
  const missing: Record<string, number[]> = {};
  for (const n of nodes) {
    const lack = [...union].filter((v) => !sets[n]!.has(v)).sort((a, b) => a - b);
    if (lack.length) missing[n] = lack.slice(0, 50);
  }
  const duplicates = nodes.filter((n) => reads[n]!.length !== sets[n]!.size);
  const same = Object.keys(missing).length === 0 && duplicates.length === 0;
  return verdict(same, { nodes, counts, rows: union.size, missing, duplicates });
}
