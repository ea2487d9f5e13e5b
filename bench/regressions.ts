import { PROBE_KINDS } from "../harness/run/calibration/index.ts";

/** A bench figure read from bench.json by path, where a larger value is worse (a time, memory, CPU, jitter). */
export interface FigureSpec {
  /** Dotted path in bench.json, e.g. `warmBringUpMs.median`. */
  path: string;
  /** How to print a value of it. */
  unit: "ms" | "bytes" | "%";
  /** A current value at or under this is never a regression (a small figure's noise is not a trend). */
  floor?: number;
}

/** The figures compared between two bench runs. */
export const COMPARED_FIGURES: readonly FigureSpec[] = [
  { path: "coldBringUpMs.median", unit: "ms" },
  { path: "warmBringUpMs.median", unit: "ms" },
  { path: "teardownMs.median", unit: "ms" },
  { path: "peakMemoryBytes.max", unit: "bytes" },
  { path: "probeOverhead.cpuPercentOfOneCore", unit: "%" },
  { path: "probeOverhead.jitterP99Ms.median", unit: "ms" },
  { path: "observation.machineBusyPercent", unit: "%" },
  // A calibration error within one probe period (100 ms) is the measurement's resolution, not a regression.
  ...PROBE_KINDS.map((k) => ({ path: `calibration.${k}.medianErrorMs`, unit: "ms" as const, floor: 100 })),
];

/** One figure more than the tolerated fraction worse than in the previous run. */
export interface Regression {
  path: string;
  previous: number;
  current: number;
  /** (current - previous) / previous. */
  worseBy: number;
  /** "warmBringUpMs.median: 49.7 s -> 62.0 s (+25 %)" */
  text: string;
}

const at = (o: unknown, path: string): number | undefined => {
  const v = path.split(".").reduce<unknown>((x, k) => (x && typeof x === "object" ? (x as Record<string, unknown>)[k] : undefined), o);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
};

const show = (v: number, unit: FigureSpec["unit"]) =>
  unit === "ms" ? (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`) : unit === "bytes" ? `${(v / 2 ** 30).toFixed(2)} GiB` : `${v.toFixed(1)} %`;

/**
 * The figures of `current` more than `tolerance` (default 20 %) worse than in `previous`. A figure missing or
 * not measured (0 runs, so a median of 0) in either run is not compared. Pure.
 */
export function regressions(previous: unknown, current: unknown, tolerance = 0.2, figures: readonly FigureSpec[] = COMPARED_FIGURES): Regression[] {
  const out: Regression[] = [];
  for (const f of figures) {
    const p = at(previous, f.path);
    const c = at(current, f.path);
    if (p === undefined || c === undefined || p <= 0 || c <= (f.floor ?? 0)) continue;
    const worseBy = (c - p) / p;
    if (worseBy > tolerance) out.push({ path: f.path, previous: p, current: c, worseBy, text: `${f.path}: ${show(p, f.unit)} -> ${show(c, f.unit)} (+${Math.round(worseBy * 100)} %)` });
  }
  return out;
}
