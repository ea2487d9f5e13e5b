import { compareMono } from "./clock.ts";
import type { HistoryEvent, SampleEvent } from "./event.ts";
import { matches, subjectKey, type Subject, type SubjectPattern } from "./subject.ts";

/** Sample events of exactly `subject`, sorted by mono. */
export function samplesOf(events: readonly HistoryEvent[], subject: Subject): SampleEvent[] {
  const key = subjectKey(subject);
  return sorted(events.filter((e): e is SampleEvent => e.kind === "sample" && e.subject === key));
}

/** Sample events whose subject matches `pattern` (its kind, and its fields when given), sorted by mono. */
export function samplesMatching(events: readonly HistoryEvent[], pattern: SubjectPattern): SampleEvent[] {
  return sorted(events.filter((e): e is SampleEvent => e.kind === "sample" && matches(e.subject, pattern)));
}

/** The latest sample of `subject`, or undefined. */
export function lastSample(events: readonly HistoryEvent[], subject: Subject): SampleEvent | undefined {
  return samplesOf(events, subject).at(-1);
}

function sorted(s: SampleEvent[]): SampleEvent[] {
  return s.sort((a, b) => compareMono(a.mono, b.mono));
}
