/** A linear map from ms since the history start to x pixels, with readable tick positions. */
export interface TimeScale {
  /** Domain end in ms (the domain starts at 0). */
  endMs: number;
  x0: number;
  x1: number;
  /** The x pixel of `ms`. */
  x(ms: number): number;
  /** ms covered by one pixel. */
  msPerPx: number;
  /** Tick times in ms, every `stepMs` from 0 up to endMs. */
  ticks: number[];
  stepMs: number;
}

const STEPS = [1, 2, 5];

/** A scale of [0, endMs] onto [x0, x1] with about `targetTicks` ticks at 1/2/5 x 10^k ms steps; endMs <= 0 becomes 1000. Pure. */
export function timeScale(endMs: number, x0: number, x1: number, targetTicks = 12): TimeScale {
  const end = endMs > 0 && Number.isFinite(endMs) ? endMs : 1000;
  const raw = end / targetTicks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const stepMs = STEPS.map((s) => s * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = 0; t <= end + 1e-9; t += stepMs) ticks.push(Math.round(t * 1e6) / 1e6);
  const k = (x1 - x0) / end;
  return { endMs: end, x0, x1, x: (ms) => x0 + ms * k, msPerPx: end / (x1 - x0), ticks, stepMs };
}

/** A tick label in seconds with just enough decimals for the step: "12 s", "1.5 s", "0.25 s". */
export function tickLabel(ms: number, stepMs: number): string {
  const decimals = stepMs >= 1000 ? 0 : stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
  return `${(ms / 1000).toFixed(decimals)} s`;
}
