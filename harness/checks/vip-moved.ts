import type { HistoryEvent } from "../history/event.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";
import { vipUniqueness, type VipMove } from "./vip-uniqueness.ts";

/** Options for {@link vipMoved}. */
export interface VipMovedOptions {
  vip: string;
  from: string;
  /** Hosts the VIP may move to (the other allowed nodes). */
  to: string[];
  /** Longest tolerated gap between the last sample on `from` and the first on the new holder. */
  maxMoveMs?: number;
}

/**
 * The VIP left `from` for one of `to` within `maxMoveMs`: false if it never moved, moved
 * elsewhere, or moved too slowly; reports the move and its gap (the VIP move time, also its metric).
 * Unknown when there are no `vip:<vip>` samples.
 */
export function vipMoved(events: readonly HistoryEvent[], o: VipMovedOptions): Verdict {
  const u = vipUniqueness(events, { vip: o.vip });
  const moves = (u.details.moves ?? []) as VipMove[];
  if (u.valid === "unknown" && moves.length === 0) return verdict("unknown", { reason: u.details.reason ?? "no samples" });
  const move = moves.find((m) => m.from === o.from);
  if (!move) return verdict(false, { reason: `${o.vip} never left ${o.from}`, moves });
  if (!o.to.includes(move.to)) return verdict(false, { reason: `${o.vip} moved to ${move.to}, not one of ${o.to.join(", ")}`, move });
  if (o.maxMoveMs !== undefined && move.gapMs > o.maxMoveMs) return verdict(false, { reason: `move took ${move.gapMs} ms > ${o.maxMoveMs} ms`, move, moveMs: move.gapMs }, move.gapMs);
  return verdict(true, { move, moveMs: move.gapMs }, move.gapMs);
}
