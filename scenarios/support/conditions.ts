import { completedOps, faultWindow, type HistoryEvent } from "../../harness/history/index.ts";

/**
 * True once every token issued before the fault took effect has had a validation invoked after
 * the heal completed (whatever its outcome): the point where token continuity can be judged.
 */
export function preFaultTokensRevalidated(events: readonly HistoryEvent[], process = "keystone"): boolean {
  const { effectiveMono, healedMono } = faultWindow(events);
  if (!effectiveMono || !healedMono) return false;
  const ops = completedOps(events, { process });
  const before = new Set(
    ops.filter((o) => o.f === "issue" && o.type === "ok" && o.completeMono && BigInt(o.completeMono) < BigInt(effectiveMono)).map((o) => String(o.value)),
  );
  for (const o of ops)
    if (o.f === "validate" && o.completeMono && BigInt(o.invokeMono) >= BigInt(healedMono)) before.delete(String(o.value));
  return before.size === 0;
}
