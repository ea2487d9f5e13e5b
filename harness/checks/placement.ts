import { relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { samplesWithPrefix } from "../history/samples.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link placement}. */
export interface PlacementOptions {
  /** Resources of the group (Pacemaker ids) whose placement is judged. */
  resources: string[];
  /** Hosts the group may run on. */
  allowed: string[];
  /** Sample subject prefix; default "placement:" (value: {runningOn: {resource: hosts[]}}). */
  subjectPrefix?: string;
}

/** One observed violation: a resource seen on a host outside `allowed`, or on two hosts at once. */
export interface PlacementViolation {
  atMs: number;
  observer: string;
  resource: string;
  hosts: string[];
}

/**
 * Judges Pacemaker placement samples: false if any observer ever saw a resource of the group
 * running on a host outside `allowed`, or on more than one host in any of its samples but a
 * lone two-host view between two single-host views of the same observer, which is reported as
 * a `transientSplit` (see {@link isTransientSplit}); reports every host each resource ran on
 * and the resources no sample listed (`unobserved`). (Seen in CI as a killed controller
 * rejoined: one observer listed it, for one sample, with the group it ran before the kill,
 * while the other observers and the VIP samples showed a single holder.)
 * Unknown with no samples, none listing a resource of the group, or a malformed one.
 */
export function placement(events: readonly HistoryEvent[], opts: PlacementOptions): Verdict {
  const samples = samplesWithPrefix(events, opts.subjectPrefix ?? "placement:");
  if (samples.length === 0) return verdict("unknown", { reason: "no placement samples" });
  const clock = relativeClock(events);
  const violations: PlacementViolation[] = [];
  const views = new Map<string, PlacementViolation[]>(); // per observer and resource, in sample order
  const seenOn: Record<string, Set<string>> = Object.fromEntries(opts.resources.map((r) => [r, new Set<string>()]));
  for (const s of samples) {
    const runningOn = (s.value as { runningOn?: Record<string, unknown> } | null)?.runningOn;
    if (typeof runningOn !== "object" || runningOn === null) return verdict("unknown", { reason: `malformed sample ${s.subject}` });
    for (const r of opts.resources) {
      const hosts = runningOn[r];
      if (hosts === undefined) continue;
      if (!Array.isArray(hosts)) return verdict("unknown", { reason: `malformed runningOn.${r} in ${s.subject}` });
      hosts.forEach((h) => seenOn[r].add(String(h)));
      const seen = { atMs: clock(s.mono), observer: s.subject.slice((opts.subjectPrefix ?? "placement:").length), resource: r, hosts: hosts.map(String) };
      if (seen.hosts.some((h) => !opts.allowed.includes(h))) violations.push(seen);
      const key = `${seen.observer}\u0000${r}`;
      views.set(key, [...(views.get(key) ?? []), seen]);
    }
  }
  const transientSplits: PlacementViolation[] = [];
  for (const seq of views.values()) {
    seq.forEach((v, i) => {
      if (v.hosts.length < 2 || violations.includes(v)) return;
      (isTransientSplit(seq[i - 1], v, seq[i + 1]) ? transientSplits : violations).push(v);
    });
  }
  violations.sort((a, b) => a.atMs - b.atMs);
  const ranOn = Object.fromEntries(Object.entries(seenOn).map(([r, hs]) => [r, [...hs].sort()]));
  const unobserved = opts.resources.filter((r) => ![...views.keys()].some((k) => k.endsWith(`\u0000${r}`)));
  const details = { ranOn, violations: violations.slice(0, 20), violationCount: violations.length, transientSplits, unobserved };
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
