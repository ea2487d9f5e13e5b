import type { OutageDetails, Verdict } from "../checks/index.ts";

/** The longest outage window (ms) an `outage` verdict measured, over its processes (or just `process`); NaN if none. */
export function maxOutageMs(v: Verdict<OutageDetails> | undefined, process?: string): number {
  const values = Object.entries(v?.details.processes ?? {})
    .filter(([p]) => !process || p === process)
    .map(([, o]) => o.maxMs)
    .filter((n): n is number => typeof n === "number");
  return values.length ? Math.max(...values) : Number.NaN;
}
