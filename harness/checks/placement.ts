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
 * running on a host outside `allowed`, or on more than one host in two of its samples in a row
 * (or in its last one); reports every host each resource ran on. A lone two-host view between
 * single-host views of the same observer is reported as a `transientSplit`. (Seen in CI as a
 * killed controller rejoined: one observer listed it, for one sample, with the group it ran
 * before the kill, while the other observers and the VIP samples showed a single holder.)
 * Unknown with no samples or a malformed one.
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
    const split = (i: number) => (seq[i]?.hosts.length ?? 0) > 1;
    seq.forEach((v, i) => {
      if (!split(i) || violations.includes(v)) return;
      (i + 1 < seq.length && !split(i - 1) && !split(i + 1) ? transientSplits : violations).push(v);
    });
  }
  violations.sort((a, b) => a.atMs - b.atMs);
  const ranOn = Object.fromEntries(Object.entries(seenOn).map(([r, hs]) => [r, [...hs].sort()]));
  return verdict(violations.length ? false : true, { ranOn, violations: violations.slice(0, 20), violationCount: violations.length, transientSplits });
}
