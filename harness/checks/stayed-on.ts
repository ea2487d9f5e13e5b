import { relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { samplesMatching } from "../history/samples.ts";
import { subjectHost, type SubjectPattern } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** What {@link stayedOn} reports: where the resources ran, and how long they were down after the fault. */
export type StayedOnDetails = {
  downAfterFaultMs?: number;
  downAfterFaultByResource?: Record<string, number>;
  reason?: string;
  [k: string]: unknown;
};

/** Options for {@link stayedOn}. */
export interface StayedOnOptions {
  /** Pacemaker resource ids that must stay on `host`. */
  resources: string[];
  /** The one host they may run on for the whole history. */
  host: string;
  /** Placement samples judged; default `{ kind: "placement" }` (value: {runningOn: {resource: hosts[]}, failed?: resource[]}). */
  subject?: SubjectPattern;
}

/** A period in which one observer saw a resource running nowhere (restarting in place). */
export interface DownPeriod {
  observer: string;
  resource: string;
  /** Last sample showing it on `host` before the gap (or the gap's first sample). */
  fromMs: number;
  /** First sample showing it on `host` again; undefined when it never came back. */
  toMs?: number;
  lengthMs?: number;
}

/**
 * Judges placement samples for a restart in place: false if any observer ever saw one of
 * `resources` on a host other than `host`, or its last sample does not show every resource back on
 * `host`. Reports each period a resource ran nowhere or was marked failed (Pacemaker's restart
 * window) and `downAfterFaultMs`, the longest such period ending after the first effective fault
 * (also per resource, `downAfterFaultByResource`; `downAfterFaultMs` is its metric).
 * Unknown with no samples or a malformed one.
 */
export function stayedOn(events: readonly HistoryEvent[], opts: StayedOnOptions): Verdict<StayedOnDetails> {
  const samples = samplesMatching(events, opts.subject ?? { kind: "placement" });
  if (samples.length === 0) return verdict("unknown", { reason: "no placement samples", host: opts.host });
  const ms = relativeClock(events);
  const { effectiveMono } = faultWindow(events);
  const elsewhere: { atMs: number; observer: string; resource: string; hosts: string[] }[] = [];
  const downs: DownPeriod[] = [];
  const open = new Map<string, DownPeriod>();
  const lastOn = new Map<string, number>();
  const lastValue = new Map<string, Record<string, unknown>>();
  for (const s of samples) {
    const observer = subjectHost(s.subject) ?? s.subject;
    const value = s.value as { runningOn?: Record<string, unknown>; failed?: unknown } | null;
    const runningOn = value?.runningOn;
    const failed = Array.isArray(value?.failed) ? value.failed.map(String) : [];
    if (typeof runningOn !== "object" || runningOn === null) return verdict("unknown", { reason: `malformed sample ${s.subject}` });
    lastValue.set(observer, Object.fromEntries(Object.entries(runningOn).map(([r, h]) => [r, failed.includes(r) ? [] : h])));
    const at = ms(s.mono);
    for (const r of opts.resources) {
      const hosts = runningOn[r] ?? [];
      if (!Array.isArray(hosts)) return verdict("unknown", { reason: `malformed runningOn.${r} in ${s.subject}` });
      const key = `${observer}\u0000${r}`;
      const stray = hosts.map(String).filter((h) => h !== opts.host);
      if (stray.length) elsewhere.push({ atMs: at, observer, resource: r, hosts: hosts.map(String) });
      if (hosts.map(String).includes(opts.host) && !failed.includes(r)) {
        const d = open.get(key);
        if (d) {
          d.toMs = at;
          d.lengthMs = at - d.fromMs;
          open.delete(key);
        }
        lastOn.set(key, at);
      } else if (!open.has(key)) {
        const d: DownPeriod = { observer, resource: r, fromMs: lastOn.get(key) ?? at };
        open.set(key, d);
        downs.push(d);
      }
    }
  }
  const notBack = [...lastValue].flatMap(([observer, runningOn]) =>
    opts.resources.filter((r) => !((runningOn[r] as unknown[] | undefined) ?? []).map(String).includes(opts.host)).map((resource) => ({ observer, resource })),
  );
  const effectiveMs = effectiveMono ? ms(effectiveMono) : undefined;
  const afterFault = downs.filter((d) => effectiveMs !== undefined && d.toMs !== undefined && d.toMs >= effectiveMs);
  const downAfterFaultMs = afterFault.length ? Math.max(...afterFault.map((d) => d.lengthMs!)) : undefined;
  const downAfterFaultByResource: Record<string, number> = {};
  for (const d of afterFault) downAfterFaultByResource[d.resource] = Math.max(downAfterFaultByResource[d.resource] ?? 0, d.lengthMs!);
  return verdict<StayedOnDetails>(
    elsewhere.length === 0 && notBack.length === 0,
    {
      host: opts.host,
      elsewhere: elsewhere.slice(0, 20),
      elsewhereCount: elsewhere.length,
      notBack,
      downs: downs.slice(0, 20),
      downAfterFaultMs,
      downAfterFaultByResource,
    },
    downAfterFaultMs,
  );
}
