/** One calibration figure: a probe kind's error against a cut of known length. */
export interface CalibrationSample {
  kind: string;
  freezeMs: number;
  /** measured − cut, ms; undefined when the run found no single window (then it failed). */
  errorMs?: number;
  passed: boolean;
}

/** What bench.json records per probe kind: runs, |error| median and max (over runs that measured one window), and failures. */
export interface KindFigures {
  runs: number;
  medianErrorMs: number;
  maxErrorMs: number;
  failed: number;
  /** Signed errors by cut length (ms), in run order. */
  errorsByFreezeMs: Record<string, (number | null)[]>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The bench's `calibration` figures, one key per probe kind in first-seen order. Pure. */
export function calibrationFigures(samples: readonly CalibrationSample[]): Record<string, KindFigures> {
  const out: Record<string, KindFigures> = {};
  for (const s of samples) {
    const k = out[s.kind] ?? { runs: 0, medianErrorMs: 0, maxErrorMs: 0, failed: 0, errorsByFreezeMs: {} };
    out[s.kind] = k;
    k.runs++;
    if (!s.passed) k.failed++;
    const key = String(s.freezeMs);
    k.errorsByFreezeMs[key] = [...(k.errorsByFreezeMs[key] ?? []), s.errorMs ?? null];
  }
  for (const [kind, k] of Object.entries(out)) {
    const errs = samples.filter((s) => s.kind === kind && s.errorMs !== undefined).map((s) => Math.abs(s.errorMs!));
    k.medianErrorMs = median(errs);
    k.maxErrorMs = errs.length ? Math.max(...errs) : 0;
  }
  return out;
}

/** One console line per kind: `tcp  runs 3, error median 80 ms, max 140 ms (1 s: +80, 3 s: -20, 10 s: +140)`. Pure. */
export function calibrationLines(figures: Record<string, KindFigures>): string[] {
  return Object.entries(figures).map(([kind, k]) => {
    const by = Object.entries(k.errorsByFreezeMs)
      .map(([f, es]) => `${Number(f) / 1000} s: ${es.map((e) => (e === null ? "no window" : `${e >= 0 ? "+" : ""}${e.toFixed(0)}`)).join(", ")}`)
      .join("; ");
    return `  ${kind.padEnd(13)} runs ${k.runs}, error median ${k.medianErrorMs.toFixed(0)} ms, max ${k.maxErrorMs.toFixed(0)} ms${k.failed ? `, ${k.failed} FAILED` : ""} (${by})`;
  });
}
