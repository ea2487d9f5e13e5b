const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/**
 * Milliseconds in a duration such as "90s", "10m", "1h", "1500ms" or "1h30m" (units ms/s/m/h,
 * whole or decimal amounts). Throws RangeError naming the text when it is not one, or is zero.
 */
export function parseDuration(text: string): number {
  const s = text.trim();
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (!s || parts.map((p) => p[0]).join("") !== s) {
    throw new RangeError(`not a duration: ${JSON.stringify(text)} (use e.g. 90s, 10m, 1h, 1h30m)`);
  }
  const ms = Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2] as keyof typeof UNIT_MS], 0));
  if (ms <= 0) throw new RangeError(`a duration must be positive: ${JSON.stringify(text)}`);
  return ms;
}

/** The shortest exact text for `ms` that {@link parseDuration} reads back: "10m", "1h30m", "90500ms". Pure. */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return `${ms}ms`;
  let rest = ms / 1000;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${s || (!h && !m) ? `${s}s` : ""}`;
}
