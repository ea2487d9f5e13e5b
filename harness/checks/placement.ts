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
 * running on a host outside `allowed` or on more than one host; reports every host each resource
 * ran on. Unknown with no samples or a malformed one.
 */
export function placement(events: readonly HistoryEvent[], opts: PlacementOptions): Verdict {
  const samples = samplesWithPrefix(events, opts.subjectPrefix ?? "placement:");
  if (samples.length === 0) return verdict("unknown", { reason: "no placement samples" });
  const clock = relativeClock(events);
  const violations: PlacementViolation[] = [];
  const seenOn: Record<string, Set<string>> = Object.fromEntries(opts.resources.map((r) => [r, new Set<string>()]));
  for (const s of samples) {
    const runningOn = (s.value as { runningOn?: Record<string, unknown> } | null)?.runningOn;
    if (typeof runningOn !== "object" || runningOn === null) return verdict("unknown", { reason: `malformed sample ${s.subject}` });
    for (const r of opts.resources) {
      const hosts = runningOn[r];
      if (hosts === undefined) continue;
      if (!Array.isArray(hosts)) return verdict("unknown", { reason: `malformed runningOn.${r} in ${s.subject}` });
      hosts.forEach((h) => seenOn[r].add(String(h)));
      const stray = hosts.filter((h) => !opts.allowed.includes(String(h)));
      if (stray.length || hosts.length > 1)
        violations.push({ atMs: clock(s.mono), observer: s.subject.slice((opts.subjectPrefix ?? "placement:").length), resource: r, hosts: hosts.map(String) });
    }
  }
  const ranOn = Object.fromEntries(Object.entries(seenOn).map(([r, hs]) => [r, [...hs].sort()]));
  return verdict(violations.length ? false : true, { ranOn, violations: violations.slice(0, 20), violationCount: violations.length });
}
