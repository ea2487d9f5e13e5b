import type { HistoryEvent } from "../history/event.ts";
import { samplesMatching } from "../history/samples.ts";
import { subjectHost, type SubjectPattern } from "../history/subject.ts";

/**
 * Final per-node reads: the last sample of each node matching `subject` (e.g. `{ kind: "rows" }`), overriding `fallback`
 * for the same node. Returns undefined for a node whose value is not an array of numbers.
 */
export function finalReads(events: readonly HistoryEvent[], subject: SubjectPattern, fallback: Record<string, readonly unknown[]> = {}): Record<string, number[] | undefined> {
  const raw: Record<string, unknown> = { ...fallback };
  for (const s of samplesMatching(events, subject)) raw[subjectHost(s.subject) ?? s.subject] = s.value;
  return Object.fromEntries(Object.entries(raw).map(([node, v]) => [node, numbers(v)]));
}

/** `v` as a number when it is one or a decimal string of one (drivers return BIGINT as strings), else undefined. */
export function asNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}

function numbers(v: unknown): number[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.map(asNumber);
  return out.every((n) => n !== undefined) ? (out as number[]) : undefined;
}
