import type { HistoryEvent, OpEvent } from "./event.ts";

/** An invoke paired with its completion. */
export interface CompletedOp {
  process: string;
  f: string;
  id: number;
  invokeMono: string;
  /** Undefined when the invoke never completed (the op is then `info`). */
  completeMono?: string;
  /** ok: happened; fail: did not happen; info: indeterminate (may or may not have happened). */
  type: "ok" | "fail" | "info";
  /** The completion's value when it has one, else the invoke's. */
  value?: unknown;
  error?: OpEvent["error"];
  /** The host that served the op, from the completion or else the invoke. */
  host?: string;
}

/** Filters for {@link completedOps}. */
export interface OpFilter {
  process?: string;
  f?: string;
}

/**
 * Pairs each invoke with the next completion of the same process and id, in record order.
 * An invoke never completed becomes `info` with no completeMono; a completion with no invoke
 * stands alone with invokeMono = its own mono. Returns ops in invoke order.
 */
export function completedOps(events: readonly HistoryEvent[], filter: OpFilter = {}): CompletedOp[] {
  const out: CompletedOp[] = [];
  const open = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== "op") continue;
    if (filter.process !== undefined && e.process !== filter.process) continue;
    if (filter.f !== undefined && e.f !== filter.f) continue;
    const key = `${e.process}\u0000${e.id}`;
    if (e.type === "invoke") {
      open.set(key, out.length);
      out.push({ process: e.process, f: e.f, id: e.id, invokeMono: e.mono, type: "info", value: e.value, host: e.host });
      continue;
    }
    const at = open.get(key);
    open.delete(key);
    const op: CompletedOp = at === undefined ? { process: e.process, f: e.f, id: e.id, invokeMono: e.mono, type: "info" } : out[at]!;
    op.completeMono = e.mono;
    op.type = e.type;
    if (e.value !== undefined) op.value = e.value;
    if (e.error !== undefined) op.error = e.error;
    if (e.host !== undefined) op.host = e.host;
    if (at === undefined) out.push(op);
  }
  return out;
}
