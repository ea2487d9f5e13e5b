import { compareMono, msToNs, relativeClock } from "../history/clock.ts";
import type { FaultEvent, HistoryEvent } from "../history/event.ts";
import { samplesMatching } from "../history/samples.ts";
import { parseSubject, subjectKey, type Subject, type SubjectPattern } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link noQuorumNoService}. */
export interface NoQuorumNoServiceOptions {
  /** Time after the fault is effective that Pacemaker may take to notice and stop (token + stop timeouts). */
  graceMs: number;
  /** VIP names whose `vip:<name>` samples must show no holder in the judged window; each needs one sample in it at least. */
  vips: string[];
  /** Placement samples judged; default `{ kind: "placement" }` (value: {quorate, runningOn: {resource: hosts[]}}). */
  subject?: SubjectPattern;
  /**
   * Subject of the VIP sampler's per-round list of hosts that gave no answer (recorded just before that round's
   * `vip:<name>` samples); default `{ kind: "vip-unanswered" }`. An empty holder list from a round that did not hear every
   * host (but those a kill or stop fault proved down) proves nothing, so it does not count as a VIP sample.
   */
  unansweredSubject?: Subject;
}

/** One sample that showed service while the cluster had no quorum. */
export interface NoQuorumViolation {
  atMs: number;
  subject: string;
  running: string[];
}

const runningIn = (runningOn: Record<string, unknown>): string[] => Object.entries(runningOn).flatMap(([r, hosts]) => (Array.isArray(hosts) && hosts.length ? [`${r}@${hosts.join("+")}`] : []));

/**
 * No service without quorum. The window runs from the first `effective` fault event + graceMs to
 * the first `heal` event (or the end). False if, in it, a placement sample from an observer
 * without quorum shows any resource running, or a VIP sample shows any holder. Reports
 * `stoppedAfterMs`: from the fault's effect to the first no-quorum sample showing nothing
 * running (also its metric). Unknown with no effective fault, no placement sample without quorum in the window,
 * a listed VIP with no sample in the window that heard every candidate host (`vipSamples` counts them;
 * `unheardRounds` counts empty ones from rounds some host did not answer), or a malformed sample.
 */
export function noQuorumNoService(events: readonly HistoryEvent[], opts: NoQuorumNoServiceOptions): Verdict {
  const faults = events.filter((e): e is FaultEvent => e.kind === "fault").sort((a, b) => compareMono(a.mono, b.mono));
  const effective = faults.find((e) => e.phase === "effective")?.mono;
  if (!effective) return verdict("unknown", { reason: "no effective fault event" });
  const heal = faults.find((e) => e.phase === "heal" && compareMono(e.mono, effective) > 0)?.mono;
  const from = (BigInt(effective) + msToNs(opts.graceMs)).toString();
  const inWindow = (mono: string) => compareMono(mono, from) >= 0 && (!heal || compareMono(mono, heal) < 0);
  const ms = relativeClock(events);
  const effectiveMs = ms(effective);
  const violations: NoQuorumViolation[] = [];
  let noQuorumSamples = 0;
  let stoppedAfterMs: number | undefined;
  for (const s of samplesMatching(events, opts.subject ?? { kind: "placement" })) {
    const v = s.value as { quorate?: unknown; runningOn?: Record<string, unknown> } | null;
    if (typeof v?.quorate !== "boolean" || typeof v.runningOn !== "object" || v.runningOn === null) return verdict("unknown", { reason: `malformed sample ${s.subject}` });
    if (v.quorate || compareMono(s.mono, effective) < 0 || (heal && compareMono(s.mono, heal) >= 0)) continue;
    const running = runningIn(v.runningOn);
    if (running.length === 0) stoppedAfterMs ??= ms(s.mono) - effectiveMs;
    if (!inWindow(s.mono)) continue;
    noQuorumSamples++;
    if (running.length) violations.push({ atMs: ms(s.mono), subject: s.subject, running });
  }
  const vipSamples: Record<string, number> = {};
  let unheardRounds = 0;
  const unansweredSubject = subjectKey(opts.unansweredSubject ?? { kind: "vip-unanswered" });
  for (const vip of opts.vips) vipSamples[vip] = 0;
  let unanswered: unknown[] = [];
  // A host a kill or stop fault proved down holds no address; silence from it is no doubt.
  const down = new Set<string>();
  for (const s of events) {
    if (s.kind === "fault" && (s.fault === "kill" || s.fault === "stop")) {
      for (const t of s.targets)
        if (s.phase === "effective") down.add(t);
        else if (s.phase === "heal") down.delete(t);
    }
    if (s.kind !== "sample") continue;
    if (s.subject === unansweredSubject) {
      unanswered = (Array.isArray(s.value) ? s.value : []).filter((h) => !down.has(String(h)));
      continue;
    }
    const subject = parseSubject(s.subject);
    const vip = subject?.kind === "vip" ? subject.vip : undefined;
    if (vip === undefined || !(vip in vipSamples)) continue;
    if (!Array.isArray(s.value)) return verdict("unknown", { reason: `malformed sample ${s.subject}` });
    if (!inWindow(s.mono)) continue;
    if (s.value.length) violations.push({ atMs: ms(s.mono), subject: s.subject, running: s.value.map(String) });
    else if (unanswered.length) unheardRounds++;
    else vipSamples[vip]++;
  }
  const unsampledVips = opts.vips.filter((v) => vipSamples[v] === 0);
  const base = { graceMs: opts.graceMs, windowFromMs: ms(from), windowToMs: heal ? ms(heal) : undefined, noQuorumSamples, stoppedAfterMs, vipSamples, unheardRounds };
  if (violations.length) return verdict(false, { ...base, violations: violations.slice(0, 20), violationCount: violations.length }, stoppedAfterMs);
  if (noQuorumSamples === 0) return verdict("unknown", { ...base, reason: "no observer without quorum sampled in the window" }, stoppedAfterMs);
  if (unsampledVips.length) return verdict("unknown", { ...base, unsampledVips, reason: `no sample of VIP ${unsampledVips.join(", ")} in the window` }, stoppedAfterMs);
  return verdict(true, base, stoppedAfterMs);
}
