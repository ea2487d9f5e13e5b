import { relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { samplesOf } from "../history/samples.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";
import { classifySplits, type HolderSample } from "./vip-split.ts";

/** A change of VIP holder: `gapMs` runs from the last sample showing `from` to the first showing `to`. */
export interface VipMove {
  atMs: number;
  from: string;
  to: string;
  gapMs: number;
}

/** A run of samples with no holder, bounded by the holder samples around it (or the first/last sample). */
export interface NoHolderPeriod {
  startMs: number;
  endMs: number;
  lengthMs: number;
  /** True when the history ends with no holder. */
  open: boolean;
}

/** Options for {@link vipUniqueness}. */
export interface VipUniquenessOptions {
  /** VIP name; samples are read from subject `vip:<vip>`. */
  vip: string;
  /** Hosts allowed to hold it; omitted means any host. */
  allowed?: string[];
  /** Longest tolerated holder-less period; omitted means any finite one. */
  maxNoHolderMs?: number;
}

/**
 * Judges `vip:<vip>` samples (value: holder host names). False on two holders at once (beyond
 * the one-sample overlap of a handover, which is reported as `handoverOverlaps`; see
 * {@link classifySplits}), a holder outside `allowed`, a holder-less period over maxNoHolderMs,
 * or a history ending with no holder; reports holder moves. Unknown with no samples or a malformed one.
 */
export function vipUniqueness(events: readonly HistoryEvent[], opts: VipUniquenessOptions): Verdict {
  const samples = samplesOf(events, { kind: "vip", vip: opts.vip });
  if (samples.length === 0) return verdict("unknown", { vip: opts.vip, reason: "no samples" });
  const malformed = samples.filter((s) => !Array.isArray(s.value) || s.value.some((h) => typeof h !== "string"));
  if (malformed.length) return verdict("unknown", { vip: opts.vip, reason: "malformed samples", malformed: malformed.length });
  const ms = relativeClock(events);
  const allowed = opts.allowed && new Set(opts.allowed);
  const held: HolderSample[] = [];
  const strays: { atMs: number; host: string }[] = [];
  const noHolder: NoHolderPeriod[] = [];
  const moves: VipMove[] = [];
  let last: { host: string; atMs: number } | undefined;
  let emptySince: number | undefined;
  for (const s of samples) {
    const holders = [...new Set(s.value as string[])];
    const at = ms(s.mono);
    for (const h of holders) if (allowed && !allowed.has(h)) strays.push({ atMs: at, host: h });
    held.push({ atMs: at, holders });
    if (holders.length === 0) {
      emptySince ??= last?.atMs ?? at;
      continue;
    }
    if (emptySince !== undefined) noHolder.push({ startMs: emptySince, endMs: at, lengthMs: at - emptySince, open: false });
    emptySince = undefined;
    if (holders.length > 1) continue;
    const host = holders[0]!;
    if (last && last.host !== host) moves.push({ atMs: at, from: last.host, to: host, gapMs: at - last.atMs });
    last = { host, atMs: at };
  }
  const endMs = ms(samples.at(-1)!.mono);
  if (emptySince !== undefined) noHolder.push({ startMs: emptySince, endMs, lengthMs: endMs - emptySince, open: true });
  const endsWithoutHolder = emptySince !== undefined;
  const longNoHolder = opts.maxNoHolderMs === undefined ? [] : noHolder.filter((p) => p.lengthMs > opts.maxNoHolderMs!);
  const { splitBrain, overlaps } = classifySplits(held);
  const ok = splitBrain.length === 0 && strays.length === 0 && longNoHolder.length === 0 && !endsWithoutHolder;
  return verdict(ok, {
    vip: opts.vip,
    samples: samples.length,
    splitBrain,
    handoverOverlaps: overlaps,
    strays,
    noHolder,
    longNoHolder,
    endsWithoutHolder,
    moves,
    maxMoveMs: moves.reduce((m, x) => Math.max(m, x.gapMs), 0),
  });
}
