import type { Verdict } from "../checks/index.ts";

/** The longest outage window (ms) an `outage` verdict measured, over its processes (or just `process`); NaN if none. */
export function maxOutageMs(v: Verdict, process?: string): number {
  const per = (v.details.processes ?? {}) as Record<string, { maxMs?: number }>;
  const values = Object.entries(per)
    .filter(([p]) => !process || p === process)
    .map(([, o]) => o.maxMs)
    .filter((n): n is number => typeof n === "number");
  return values.length ? Math.max(...values) : Number.NaN;
}
