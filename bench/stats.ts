/** Median, min, max and spread (max - min) of `xs`; pure. NaN fields for an empty list. */
export function describe(xs: number[]): { runs: number; median: number; min: number; max: number; spread: number; values: number[] } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length === 0 ? NaN : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { runs: s.length, median, min: s[0] ?? NaN, max: s.at(-1) ?? NaN, spread: (s.at(-1) ?? NaN) - (s[0] ?? NaN), values: xs };
}
