import { compareMono, relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { samplesMatching } from "../history/samples.ts";
import { subjectHost, type SubjectPattern } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link movedTo}. */
export interface MovedToOptions {
  /** Pacemaker resource ids that must have moved. */
  resources: string[];
  /** Hosts they may have moved to (e.g. the pool without the failed node). */
  to: string[];
  /** Placement samples judged; default `{ kind: "placement" }` (value: {runningOn: {resource: hosts[]}}). */
  subject?: SubjectPattern;
  /** Only fault events with this name give the fault time; default all faults. */
  fault?: string;
}

/**
 * Judges the last placement sample (of any observer) taken after the fault took effect: true
 * when it shows every resource running on one of `to` (its first host), false naming the
 * others; unknown without an effective fault, without a sample after it, or when that sample
 * is malformed.
 */
export function movedTo(events: readonly HistoryEvent[], o: MovedToOptions): Verdict {
  const { effectiveMono } = faultWindow(events, o.fault);
  if (!effectiveMono) return verdict("unknown", { to: o.to, reason: "no effective fault event" });
  const last = samplesMatching(events, o.subject ?? { kind: "placement" })
    .filter((s) => compareMono(s.mono, effectiveMono) >= 0)
    .at(-1);
  if (!last) return verdict("unknown", { to: o.to, reason: "no placement sample after the fault" });
  const runningOn = (last.value as { runningOn?: unknown } | null)?.runningOn;
  if (typeof runningOn !== "object" || runningOn === null) return verdict("unknown", { to: o.to, reason: `malformed sample ${last.subject}` });
  const on = runningOn as Record<string, unknown>;
  const hostsOf = (r: string) => (Array.isArray(on[r]) ? (on[r] as unknown[]).map(String) : []);
  const wrong = o.resources.filter((r) => !o.to.includes(hostsOf(r)[0] ?? ""));
  return verdict(wrong.length === 0, {
    to: o.to,
    observer: subjectHost(last.subject),
    atMs: relativeClock(events)(last.mono),
    runningOn: Object.fromEntries(o.resources.map((r) => [r, hostsOf(r)])),
    ...(wrong.length ? { wrong, reason: `${wrong.join(", ")} not on ${o.to.join(" or ")}` } : {}),
  });
}
