/** A seeded source of uniform numbers in [0, 1); the same seed always yields the same sequence. */
export type Random = () => number;

/**
 * mulberry32: a 32-bit seeded PRNG (public domain, Tommy Ettinger). Small, fast and good enough
 * to draw schedules; not for cryptography. `seed` is taken modulo 2^32. Pure per seed.
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max] (both included) drawn from `rng`. */
export function intBetween(rng: Random, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One element of `items` drawn uniformly; throws RangeError on an empty list. */
export function pick<T>(rng: Random, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("cannot pick from an empty list");
  return items[Math.floor(rng() * items.length)]!;
}

/** `n` distinct elements of `items` in draw order; throws RangeError when there are fewer than `n`. */
export function sample<T>(rng: Random, items: readonly T[], n: number): T[] {
  if (n > items.length) throw new RangeError(`cannot draw ${n} of ${items.length}`);
  const pool = [...items];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(...pool.splice(Math.floor(rng() * pool.length), 1));
  return out;
}
