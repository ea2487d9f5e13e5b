/** One sample's VIP holders, at a time relative to the start of the history. */
export interface HolderSample {
  atMs: number;
  holders: string[];
}

type Held = { holders: readonly string[] | undefined };

/**
 * Sorts the samples with two or more holders; pure. A lone such sample whose neighbours hold
 * the VIP on one host each, the one before on one of its holders and the one after on the
 * other, is the instant of a handover (a VRRP preemption overlaps old and new holder by
 * milliseconds, and the per-host reads of one sample are not simultaneous): an `overlap`.
 * Every other one, and every run of two or more in a row, is `splitBrain`.
 */
export function classifySplits(samples: readonly HolderSample[]): { splitBrain: HolderSample[]; overlaps: HolderSample[] } {
  const splitBrain: HolderSample[] = [];
  const overlaps: HolderSample[] = [];
  samples.forEach((s, i) => {
    if (s.holders.length < 2) return;
    (isHandover(samples[i - 1], s, samples[i + 1]) ? overlaps : splitBrain).push({ atMs: s.atMs, holders: s.holders });
  });
  return { splitBrain, overlaps };
}

/**
 * Whether `s`, seen between `before` and `after`, is a handover's overlap: exactly two holders,
 * one holder on each side, old before and new after, and those two are its holders. Pure.
 */
export function isHandover(before: Held | undefined, s: Held, after: Held | undefined): boolean {
  if (before?.holders?.length !== 1 || after?.holders?.length !== 1 || s.holders?.length !== 2) return false;
  const [from, to] = [before.holders[0]!, after.holders[0]!];
  return from !== to && s.holders.includes(from) && s.holders.includes(to);
}
