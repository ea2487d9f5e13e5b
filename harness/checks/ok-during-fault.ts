import { compareMono } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { completedOps } from "../history/ops.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link okDuringFault}. */
export interface OkDuringFaultOptions {
  process: string;
  /** Only ops with this f. */
  f?: string;
  /** Only fault events with this name give the window; default all faults. */
  fault?: string;
}

/**
 * The service kept accepting this operation while the fault held: some ok op of `process` was
 * invoked after the fault took effect and completed before it was healed. False if none was;
 * unknown without an effective fault or without any op of `process`.
 */
export function okDuringFault(events: readonly HistoryEvent[], o: OkDuringFaultOptions): Verdict {
  const { effectiveMono, healedMono } = faultWindow(events, o.fault);
  const ops = completedOps(events, { process: o.process, f: o.f });
  if (!effectiveMono) return verdict("unknown", { reason: "no effective fault event" });
  if (ops.length === 0) return verdict("unknown", { reason: `no ${o.process} ops` });
  const inside = ops.filter((op) => compareMono(op.invokeMono, effectiveMono) >= 0 && op.completeMono !== undefined && (!healedMono || compareMono(op.completeMono, healedMono) <= 0));
  const ok = inside.filter((op) => op.type === "ok");
  return verdict(ok.length > 0, { attemptedDuringFault: inside.length, okDuringFault: ok.length, values: ok.map((op) => op.value) });
}
