import type { HistoryEvent } from "../history/event.ts";
import type { SubjectPattern } from "../history/subject.ts";
import { chainOrder } from "./chain-order.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link stoppedAfterFault}. */
export interface StoppedAfterFaultOptions {
  /** The chain in start order, as {@link chainOrder} reads it. */
  chain: string[];
  /** The member that must have been stopped, e.g. "mysql". */
  resource: string;
  /** Nodes whose Pacemaker log must have been read (see {@link chainOrder}). */
  nodes?: string[];
  /** Samples of each node's operation list (default `{ kind: "pcmk-ops" }`). */
  subject?: SubjectPattern;
}

/**
 * A hard stop dependency acted: some node's Pacemaker log shows a successful stop of `resource`
 * after the first effective fault (counted by {@link chainOrder}). True with one stop at least;
 * false with none when every node's log was read; unknown when chainOrder saw no operation or a
 * node's log was not read (the stop may be in it).
 */
export function stoppedAfterFault(events: readonly HistoryEvent[], o: StoppedAfterFaultOptions): Verdict {
  const v = chainOrder(events, { chain: o.chain, nodes: o.nodes, subject: o.subject });
  const stops = (v.details.afterFault as Record<string, { stops: number }> | undefined)?.[o.resource]?.stops ?? 0;
  const details = { resource: o.resource, stopsAfterFault: stops, ...(v.details.unread ? { unread: v.details.unread } : {}) };
  if (stops >= 1) return verdict(true, details);
  if (v.valid === "unknown") return verdict("unknown", { ...details, reason: v.details.reason });
  return verdict(false, { ...details, reason: `no stop of ${o.resource} after the fault` });
}
