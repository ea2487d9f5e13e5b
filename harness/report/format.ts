/** True when a metric name says its unit is milliseconds (`maxOutageMs`, `outage.ms`, `gap_ms`). */
export function isMsMetric(name: string): boolean {
  return /(?:Ms|[._-]ms|^ms)$/.test(name);
}

/** A duration for a label: "4.2 s" from one second up, else whole "350 ms". */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  return Math.abs(ms) >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A duration for a table: "4200 ms (4.20 s)"; whole ms, seconds to two decimals. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  return `${Math.round(ms)} ms (${(ms / 1000).toFixed(2)} s)`;
}

/** A metric value for display: durations per {@link formatMs} when the name says ms, else the number as is. */
export function formatMetric(name: string, value: number): string {
  return isMsMetric(name) ? formatMs(value) : String(value);
}
