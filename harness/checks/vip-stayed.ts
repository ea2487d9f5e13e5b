import type { HistoryEvent } from "../history/event.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";
import { vipUniqueness, type VipMove } from "./vip-uniqueness.ts";

/** Options for {@link vipStayed}. */
export interface VipStayedOptions {
  /** VIP name; samples are read from subject `vip:<vip>`. */
  vip: string;
  /** The one host that may hold it for the whole history. */
  host: string;
}

/**
 * The VIP never moved: {@link vipUniqueness} with `host` the only allowed holder, and false as
 * well when its samples show any move of holder. Unknown with no samples or a malformed one.
 */
export function vipStayed(events: readonly HistoryEvent[], o: VipStayedOptions): Verdict {
  const v = vipUniqueness(events, { vip: o.vip, allowed: [o.host] });
  const moves = (v.details.moves ?? []) as VipMove[];
  return moves.length ? verdict(false, { ...v.details, reason: `VIP ${o.vip} moved ${moves.length} time(s)` }) : v;
}
