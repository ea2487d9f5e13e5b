import type { EventBase } from "./event.ts";

const NS_PER_MS = 1_000_000n;

/** Parses a mono timestamp (decimal ns string) into a bigint; throws RangeError on anything else. */
export function monoNs(mono: string): bigint {
  if (!/^\d+$/.test(mono)) throw new RangeError(`not a monotonic ns timestamp: ${JSON.stringify(mono)}`);
  return BigInt(mono);
}

/** Converts a nanosecond duration or offset to (fractional) milliseconds. */
export function nsToMs(ns: bigint): number {
  // Split before converting so large values keep sub-ms precision past 2^53 ns.
  return Number(ns / NS_PER_MS) + Number(ns % NS_PER_MS) / 1e6;
}

/** Converts milliseconds to whole nanoseconds (rounded). */
export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1e6));
}

/** Milliseconds from `start` to `e.mono` (negative if `e` is earlier). */
export function monoMs(e: Pick<EventBase, "mono"> | string, start: string | bigint): number {
  const at = monoNs(typeof e === "string" ? e : e.mono);
  return nsToMs(at - (typeof start === "bigint" ? start : monoNs(start)));
}

/** The earliest mono timestamp among `events`, or undefined when there are none. */
export function startMono(events: readonly Pick<EventBase, "mono">[]): string | undefined {
  let min: bigint | undefined;
  for (const e of events) {
    const t = monoNs(e.mono);
    if (min === undefined || t < min) min = t;
  }
  return min?.toString();
}

/** Returns a function mapping a mono timestamp to ms since the earliest event (0 for an empty history). */
export function relativeClock(events: readonly Pick<EventBase, "mono">[]): (mono: string) => number {
  const start = monoNs(startMono(events) ?? "0");
  return (mono) => monoMs(mono, start);
}

/** Orders two mono timestamps numerically (for Array.prototype.sort). */
export function compareMono(a: string, b: string): number {
  const d = monoNs(a) - monoNs(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
