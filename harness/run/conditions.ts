import { compareMono, completedOps, faultWindow, type HistoryEvent } from "../history/index.ts";

/**
 * True once every token issued before the fault took effect has had a validation invoked after
 * the heal completed (whatever its outcome): the point where token continuity can be judged.
 */
export function preFaultTokensRevalidated(events: readonly HistoryEvent[], process = "keystone"): boolean {
  const { effectiveMono, healedMono } = faultWindow(events);
  if (!effectiveMono || !healedMono) return false;
  const ops = completedOps(events, { process });
  const before = new Set(ops.filter((o) => o.f === "issue" && o.type === "ok" && o.completeMono && BigInt(o.completeMono) < BigInt(effectiveMono)).map((o) => String(o.value)));
  for (const o of ops) if (o.f === "validate" && o.completeMono && BigInt(o.invokeMono) >= BigInt(healedMono)) before.delete(String(o.value));
  return before.size === 0;
}

/** True once `process` has an ok op completed after the fault was proved effective. */
export function okAfterFault(events: readonly HistoryEvent[], process: string): boolean {
  const { effectiveMono } = faultWindow(events);
  if (!effectiveMono) return false;
  return completedOps(events, { process }).some((o) => o.type === "ok" && !!o.completeMono && compareMono(o.completeMono, effectiveMono) > 0);
}

/** A wsrep status (or `wsrep:<host>` sample value) of a node Synced and Primary in a cluster of `size`. */
export function galeraSynced(v: unknown, size: number): boolean {
  const s = v as { size?: number; status?: string; state?: string } | null | undefined;
  return s?.state === "Synced" && s.status === "Primary" && s.size === size;
}

/** A `rabbit:<host>` sample value showing a three-node cluster with no partition. */
export function rabbitConverged(v: unknown): boolean {
  const s = v as { running?: string[]; partitions?: string[] };
  return s.running?.length === 3 && (s.partitions?.length ?? 0) === 0;
}

/**
 * True when the last `n` completed ops of `process` are all ok: the client is being served steadily
 * again. With `sinceMono`, only ops invoked after it count (e.g. after a VIP settled).
 */
export function steadyOk(events: readonly HistoryEvent[], process: string, n = 10, sinceMono?: string): boolean {
  const done = completedOps(events, { process }).filter((o) => o.completeMono && (sinceMono === undefined || BigInt(o.invokeMono) > BigInt(sinceMono)));
  return done.length >= n && done.slice(-n).every((o) => o.type === "ok");
}
