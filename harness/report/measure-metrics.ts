import type { Verdict } from "../checks/verdict.ts";

/** The check a run reports when its metrics function threw: unknown, with the error. */
export const METRICS_CHECK = "metrics recorded";

/** The requirement id of {@link METRICS_CHECK}. */
export const METRICS_CHECK_ID = "HAPROOF-METRICS-RECORDED";

/** What {@link measureMetrics} returns: the metrics, and an unknown verdict to report when they could not be measured. */
export interface MeasuredMetrics {
  metrics: Record<string, number>;
  /** Present only when `measure` threw: `{ valid: "unknown", details: { error } }`, to report as {@link METRICS_CHECK}. */
  failed?: Verdict;
}

/**
 * Runs a scenario's metrics function on its verdicts; a metric given as undefined is recorded as NaN (not measured).
 * A throw yields no metrics and an unknown verdict naming the error, so a run whose bounds cannot be judged is never
 * a pass. Never throws; `measure`'s side effects only.
 */
export function measureMetrics<V>(measure: (v: V) => Readonly<Record<string, number | undefined>>, verdicts: V): MeasuredMetrics {
  try {
    const raw = measure(verdicts);
    return { metrics: Object.fromEntries(Object.entries(raw).map(([k, x]) => [k, typeof x === "number" ? x : Number.NaN])) };
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { metrics: {}, failed: { valid: "unknown", details: { error } } };
  }
}
