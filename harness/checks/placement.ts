import { relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { samplesMatching } from "../history/samples.ts";
import { subjectHost, type SubjectPattern } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

// A placement sampler polls every second or so; an observer silent for longer than this was down.
const OBSERVER_GAP_MS = 3000;

/** Options for {@link placement}. */
export interface PlacementOptions {
  /** Resources of the group (Pacemaker ids) whose placement is judged. */
  resources: string[];
  /** Hosts the group may run on. */
  allowed: string[];
  /** Placement samples judged; default `{ kind: "placement" }` (value: {runningOn: {resource: hosts[]}, online?: hosts[]}). */
  subject?: SubjectPattern;
  /**
   * How long after a node is seen online again (by the same observer) its lrm history from before it went
   * away may still list the group beside the current holder, until the DC re-probes it; default 5000 ms.
   */
  rejoinGraceMs?: number;
}

/** One observed violation: a resource seen on a host outside `allowed`, or on two hosts at once. */
export interface PlacementViolation {
  atMs: number;
  observer: string;
  resource: string;
  hosts: string[];
  /** When the observer last saw a host of `hosts` come online again (ms on the run's clock), if it did. */
  rejoinedAtMs?: Record<string, number>;
}

/**
 * Judges Pacemaker placement samples: false if any observer ever saw a resource of the group
 * running on a host outside `allowed`, or on more than one host in any of its samples but a
 * lone two-host view between two single-host views of the same observer, which is reported as
 * a `transientSplit` (see {@link isTransientSplit}), or a two-host view in which the other host is a node
 * this observer saw come online again within `rejoinGraceMs`, reported as `staleAfterRejoin` (see
 * {@link isStaleAfterRejoin}); reports every host each resource ran on
 * and the resources no sample listed (`unobserved`). (Seen in CI as a killed controller
 * rejoined: one observer listed it, for one sample, with the group it ran before the kill,
 * while the other observers and the VIP samples showed a single holder.)
 * Unknown with no samples, none listing a resource of the group, or a malformed one.
 */
export function placement(events: readonly HistoryEvent[], opts: PlacementOptions): Verdict {
  const samples = samplesMatching(events, opts.subject ?? { kind: "placement" });
  if (samples.length === 0) return verdict("unknown", { reason: "no placement samples" });
  const clock = relativeClock(events);
  const violations: PlacementViolation[] = [];
  const views = new Map<string, PlacementViolation[]>(); // per observer and resource, in sample order
  const seenOn: Record<string, Set<string>> = Object.fromEntries(opts.resources.map((r) => [r, new Set<string>()]));
  const onlineBefore = new Map<string, Set<string>>(); // per observer: who it saw online in its previous sample
  const cameBack = new Map<string, Map<string, number>>(); // per observer: host -> when it was seen online again
  const lastAt = new Map<string, number>(); // per observer: its previous sample
  for (const s of samples) {
    const runningOn = (s.value as { runningOn?: Record<string, unknown> } | null)?.runningOn;
    if (typeof runningOn !== "object" || runningOn === null) return verdict("unknown", { reason: `malformed sample ${s.subject}` });
    const observer = subjectHost(s.subject) ?? s.subject;
    const at = clock(s.mono);
    const back = cameBack.get(observer) ?? new Map<string, number>();
    cameBack.set(observer, back);
    // An observer whose samples stopped (it was down) and resume has just rejoined itself.
    const last = lastAt.get(observer);
    if (last !== undefined && at - last > OBSERVER_GAP_MS) back.set(observer, at);
    lastAt.set(observer, at);
    const online = (s.value as { online?: unknown }).online;
    if (Array.isArray(online)) {
      const prev = onlineBefore.get(observer);
      for (const h of online.map(String)) if (prev && !prev.has(h)) back.set(h, at);
      onlineBefore.set(observer, new Set(online.map(String)));
    }
    for (const r of opts.resources) {
      const hosts = runningOn[r];
      if (hosts === undefined) continue;
      if (!Array.isArray(hosts)) return verdict("unknown", { reason: `malformed runningOn.${r} in ${s.subject}` });
      hosts.forEach((h) => seenOn[r].add(String(h)));
      const rejoined = Object.fromEntries(
        hosts
          .map(String)
          .filter((h) => back.has(h))
          .map((h) => [h, back.get(h)!]),
      );
      const seen: PlacementViolation = { atMs: at, observer, resource: r, hosts: hosts.map(String), ...(Object.keys(rejoined).length ? { rejoinedAtMs: rejoined } : {}) };
      if (seen.hosts.some((h) => !opts.allowed.includes(h))) violations.push(seen);
      const key = `${seen.observer}\u0000${r}`;
      views.set(key, [...(views.get(key) ?? []), seen]);
    }
  }
  const transientSplits: PlacementViolation[] = [];
  const staleAfterRejoin: PlacementViolation[] = [];
  const grace = opts.rejoinGraceMs ?? 5000;
  for (const seq of views.values()) {
    seq.forEach((v, i) => {
      if (v.hosts.length < 2 || violations.includes(v)) return;
      if (isStaleAfterRejoin(v, grace)) staleAfterRejoin.push(v);
      else (isTransientSplit(seq[i - 1], v, seq[i + 1]) ? transientSplits : violations).push(v);
    });
  }
  violations.sort((a, b) => a.atMs - b.atMs);
  const ranOn = Object.fromEntries(Object.entries(seenOn).map(([r, hs]) => [r, [...hs].sort()]));
  const unobserved = opts.resources.filter((r) => ![...views.keys()].some((k) => k.endsWith(`\u0000${r}`)));
  const details = { ranOn, violations: violations.slice(0, 20), violationCount: violations.length, transientSplits, staleAfterRejoin, unobserved };
  if (violations.length) return verdict(false, details);
  if (views.size === 0) return verdict("unknown", { ...details, reason: `no placement sample lists ${opts.resources.join(", ")}` });
  return verdict(true, details);
}

/**
 * Whether `split`, one observer's view between its views `before` and `after` of the same
 * resource, is the transient kind: exactly two hosts, with exactly one host on each side. A
 * split in the first or last view, next to an empty view, or of three hosts is not. Pure.
 */
export function isTransientSplit(before: Pick<PlacementViolation, "hosts"> | undefined, split: Pick<PlacementViolation, "hosts">, after: Pick<PlacementViolation, "hosts"> | undefined): boolean {
  return split.hosts.length === 2 && before?.hosts.length === 1 && after?.hosts.length === 1;
}

/**
 * Whether `split` is a rejoining node's stale history: exactly two hosts, one of which this observer saw come
 * online again (or is the observer itself, its samples resuming after it was down) at most `graceMs` before.
 * Until the DC re-probes a node that joined, crm_mon may still list what it ran before it went away. (CI: 8 s
 * after a killed controller restarted, three observers listed Keystone on it and on the holder for about
 * 0.7 s.) A split neither of whose hosts just rejoined, or one past the grace, is not. Pure.
 */
export function isStaleAfterRejoin(split: PlacementViolation, graceMs: number): boolean {
  if (split.hosts.length !== 2) return false;
  return split.hosts.some((h) => {
    const back = split.rejoinedAtMs?.[h];
    return back !== undefined && split.atMs - back >= 0 && split.atMs - back <= graceMs;
  });
}
