import { compareMono, relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { samplesMatching } from "../history/samples.ts";
import { subjectKey, type Subject, type SubjectPattern } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link convergedAfterHeal}. */
export interface ConvergedAfterHealOptions {
  /** Samples judged: subjects matching this, e.g. `{ kind: "wsrep" }`. */
  subject: SubjectPattern;
  /** Whether one subject's (history key's) sampled value counts as converged, e.g. wsrep Synced with size 3. */
  predicate: (value: unknown, subject: string) => boolean;
  /** Longest tolerated time from the heal to convergence. */
  withinMs: number;
  /** Subjects that must all converge; default every subject matching `subject` seen in the history. */
  subjects?: Subject[];
  /** Only fault events with this name give the heal time; default all faults. */
  fault?: string;
}

/**
 * Convergence after the last `healed` fault event: the first instant at which every subject's
 * latest post-heal sample satisfies `predicate`. False if that never happens or takes longer than
 * withinMs; unknown with no heal, no subjects, or no sample after the heal. Its metric is `afterHealMs`.
 */
export function convergedAfterHeal(events: readonly HistoryEvent[], opts: ConvergedAfterHealOptions): Verdict {
  const { healedMono } = faultWindow(events, opts.fault);
  const base = { subject: opts.subject, withinMs: opts.withinMs };
  if (!healedMono) return verdict("unknown", { ...base, reason: "no healed fault event" });
  const all = samplesMatching(events, opts.subject);
  const subjects = opts.subjects?.map(subjectKey) ?? [...new Set(all.map((s) => s.subject))];
  if (subjects.length === 0) return verdict("unknown", { ...base, reason: "no subjects sampled" });
  const after = all.filter((s) => compareMono(s.mono, healedMono) >= 0 && subjects.includes(s.subject));
  if (after.length === 0) return verdict("unknown", { ...base, subjects, reason: "no sample after the heal" });
  const ms = relativeClock(events);
  const healedMs = ms(healedMono);
  const latest = new Map<string, unknown>();
  const good = new Set<string>();
  for (const s of after) {
    latest.set(s.subject, s.value);
    if (opts.predicate(s.value, s.subject)) good.add(s.subject);
    else good.delete(s.subject);
    if (good.size === subjects.length) {
      const afterHealMs = ms(s.mono) - healedMs;
      return verdict(afterHealMs <= opts.withinMs, { ...base, subjects, healedMs, convergedAtMs: ms(s.mono), afterHealMs }, afterHealMs);
    }
  }
  return verdict(false, {
    ...base,
    subjects,
    healedMs,
    reason: "never converged",
    pending: subjects.filter((s) => !good.has(s)),
    last: Object.fromEntries(latest),
  });
}
