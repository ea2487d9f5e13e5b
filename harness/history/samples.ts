import { compareMono } from "./clock.ts";
import type { HistoryEvent, SampleEvent } from "./event.ts";

/** Sample events whose subject equals `subject`, sorted by mono. */
export function samplesOf(events: readonly HistoryEvent[], subject: string): SampleEvent[] {
  return sorted(events.filter((e): e is SampleEvent => e.kind === "sample" && e.subject === subject));
}

/** Sample events whose subject starts with `prefix`, sorted by mono. */
export function samplesWithPrefix(events: readonly HistoryEvent[], prefix: string): SampleEvent[] {
  return sorted(events.filter((e): e is SampleEvent => e.kind === "sample" && e.subject.startsWith(prefix)));
}

/** The latest sample of `subject`, or undefined. */
export function lastSample(events: readonly HistoryEvent[], subject: string): SampleEvent | undefined {
  return samplesOf(events, subject).at(-1);
}

function sorted(s: SampleEvent[]): SampleEvent[] {
  return s.sort((a, b) => compareMono(a.mono, b.mono));
}
