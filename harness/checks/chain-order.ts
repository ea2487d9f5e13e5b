import { matches, subjectHost, type HistoryEvent, type SubjectPattern } from "../history/index.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** One Pacemaker operation result as a node's log records it (or `boot`: the node's Pacemaker started). */
export interface PcmkOp {
  op: "start" | "stop" | "boot";
  resource: string;
  ok: boolean;
  /** Wall clock of the log line, ms since the epoch. */
  wallMs: number;
}

/** Options of {@link chainOrder}. */
export interface ChainOrderOptions {
  /** The chain in start order, e.g. ["mysqlVIP", "mysql_data", "mysql"]. */
  chain: string[];
  /** Samples of each node's operation list (default `{ kind: "pcmk-ops" }`). */
  subject?: SubjectPattern;
  /** Nodes whose log must have been read: one without a readable operation list makes the verdict unknown. */
  nodes?: string[];
}

/** A start or stop out of the chain's order on one node. */
export interface OrderViolation {
  node: string;
  op: "start" | "stop";
  resource: string;
  /** Members that had to be started (for a start) or stopped (for a stop) first. */
  missing: string[];
  wallMs: number;
}

/**
 * Whether every node started the chain in order (a member only once all earlier members run
 * there) and stopped it in reverse (a member only once all later members have stopped), replaying
 * the successful start/stop results each node logged (samples `pcmk-ops:<node>` = PcmkOp[]).
 * Counts each member's starts and stops after the first effective fault. False on a violation;
 * otherwise unknown with no operations of the chain at all, or when a node's log was not read
 * (a listed node without a sample, or a sample that is no operation list: `unread`). Pure.
 */
export function chainOrder(events: readonly HistoryEvent[], o: ChainOrderOptions): Verdict {
  const pattern = o.subject ?? { kind: "pcmk-ops" };
  const faultWall = events.find((e) => e.kind === "fault" && (e as { phase?: string }).phase === "effective")?.wall;
  const faultMs = faultWall ? Date.parse(faultWall) : Number.POSITIVE_INFINITY;
  const violations: OrderViolation[] = [];
  const afterFault: Record<string, { starts: number; stops: number }> = Object.fromEntries(o.chain.map((r) => [r, { starts: 0, stops: 0 }]));
  let seen = 0;
  const read = new Set<string>();
  const unreadable = new Set<string>();
  for (const e of events) {
    if (e.kind !== "sample" || !matches(e.subject, pattern)) continue;
    const node = subjectHost(e.subject) ?? e.subject;
    if (!Array.isArray(e.value)) {
      unreadable.add(node);
      continue;
    }
    read.add(node);
    const running = new Set<string>();
    for (const op of e.value as PcmkOp[]) {
      if (op.op === "boot") {
        running.clear();
        continue;
      }
      const i = o.chain.indexOf(op.resource);
      if (i < 0 || !op.ok) continue;
      seen++;
      const missing = op.op === "start" ? o.chain.slice(0, i).filter((r) => !running.has(r)) : o.chain.slice(i + 1).filter((r) => running.has(r));
      if (missing.length) violations.push({ node, op: op.op, resource: op.resource, missing, wallMs: op.wallMs });
      if (op.op === "start") running.add(op.resource);
      else running.delete(op.resource);
      if (op.wallMs >= faultMs) afterFault[op.resource]![op.op === "start" ? "starts" : "stops"]++;
    }
  }
  const unread = [...new Set([...(o.nodes ?? []).filter((n) => !read.has(n)), ...[...unreadable].filter((n) => !read.has(n))])].sort();
  const details = { operations: seen, afterFault, violations, ...(unread.length ? { unread } : {}) };
  if (violations.length)
    return verdict(false, {
      ...details,
      reason: violations.map((v) => `${v.node}: ${v.op} ${v.resource} while ${v.op === "start" ? "not yet started" : "still running"}: ${v.missing.join(", ")}`).join("; "),
    });
  if (seen === 0) return verdict("unknown", { ...details, reason: `no start/stop of ${o.chain.join(", ")} recorded` });
  if (unread.length) return verdict("unknown", { ...details, reason: `the Pacemaker log of ${unread.join(", ")} was not read` });
  return verdict(true, details);
}
