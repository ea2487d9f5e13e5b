import { formatThreshold } from "../requirements/index.ts";
import { formatSeconds } from "./format.ts";

// One decimal of a second can hide the difference that decided a verdict ("30.0 s > 30 s"): then whole ms.
function pair(m: number, t: number): [string, string] {
  const ms = formatSeconds(m);
  const shown = ms.endsWith(" ms") ? Number.parseFloat(ms) : Number.parseFloat(ms) * 1000;
  return m > t === shown > t ? [ms, formatThreshold(t)] : [`${Number(m.toFixed(1))} ms`, `${Number(t.toFixed(1))} ms`];
}

/**
 * The comparison that decides a bounded verdict, in words: "12.3 s ≤ 30 s", "45.1 s > 30 s",
 * "not recorded (bound 30 s)", or, for a window still open when the run ended (measured is a lower bound),
 * "≥ 64.5 s, never recovered (bound 90 s)". Without a bound: the value alone, or "". Pure.
 */
export function boundText(measuredMs: number | undefined, boundMs: number | undefined, open = false): string {
  const known = measuredMs !== undefined && Number.isFinite(measuredMs);
  if (boundMs === undefined) return !known ? "" : open ? `≥ ${formatSeconds(measuredMs)}, never recovered` : formatSeconds(measuredMs);
  if (!known) return `not recorded (bound ${formatThreshold(boundMs)})`;
  if (open) return `≥ ${formatSeconds(measuredMs)}, never recovered (bound ${formatThreshold(boundMs)})`;
  const [m, t] = pair(measuredMs, boundMs);
  return `${m} ${measuredMs <= boundMs ? "≤" : ">"} ${t}`;
}
