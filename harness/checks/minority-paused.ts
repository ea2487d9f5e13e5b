import { compareMono, relativeClock } from "../history/clock.ts";
import type { HistoryEvent, SampleEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { subjectKey, type Subject } from "../history/subject.ts";
import { worst, verdict } from "./compose.ts";
import type { Validity, Verdict } from "./verdict.ts";

/** What {@link minorityPaused} reports: when the minority paused and the majority ran alone, and for how long. */
export type MinorityPausedDetails = {
  pausedAfterMs?: number;
  majorityAfterMs?: number;
  pausedMs?: number;
  reason?: string;
  [k: string]: unknown;
};

/** Options for {@link minorityPaused}. */
export interface MinorityPausedOptions {
  /** Hosts cut off from the majority. */
  minority: string[];
  /** Hosts on the majority side. */
  majority: string[];
  /** Sample subject of a host's own view, `{running: string[], down?: true, appRunning?: boolean}`; default `{ kind: "rabbit", host }`. */
  subject?: (host: string) => Subject;
  /** Cluster node name of a host; default `rabbit@<host>`. */
  node?: (host: string) => string;
  /** Longest tolerated time from the fault to the minority paused and the majority running alone. */
  withinMs?: number;
  /** Only fault events with this name give the window; default all faults. */
  fault?: string;
}

type View = { running?: unknown; down?: unknown; appRunning?: unknown } | null | undefined;

/** Whether a `rabbit:<host>` sample is the node's own answer that its rabbit app is stopped (`appRunning: false`); pure. */
export function reportsPaused(value: unknown): boolean {
  return (value as View)?.appRunning === false;
}

const runningOf = (v: unknown): string[] => {
  const r = (v as View)?.running;
  return Array.isArray(r) ? r.map(String) : [];
};
// A view the node gave: the sampler marks a sample without one `down`.
const answered = (v: unknown) => (v as View)?.down !== true && runningOf(v).length > 0;

/**
 * RabbitMQ's pause_minority, judged from each node's own answers while the partition held: every
 * minority node says its rabbit app is stopped (`appRunning: false`; a sample without an answer,
 * `down`, proves nothing), and every majority node's view lists exactly the majority. Reports when
 * each happened after the fault (`pausedAfterMs`, `majorityAfterMs`) and how long the minority
 * stayed paused (`pausedMs`, to its first view listing itself after the heal). False if either is
 * late, or never happens while the nodes kept answering (a minority node seen running, a majority
 * node's last view not the majority); unknown without a fault, without samples inside it, or when
 * the nodes that never showed it stopped answering. Its metric is `pausedAfterMs`.
 */
export function minorityPaused(events: readonly HistoryEvent[], o: MinorityPausedOptions): Verdict<MinorityPausedDetails> {
  const subject = o.subject ?? ((h: string): Subject => ({ kind: "rabbit", host: h }));
  const node = o.node ?? ((h: string) => `rabbit@${h}`);
  const { effectiveMono, healedMono } = faultWindow(events, o.fault);
  if (!effectiveMono) return verdict("unknown", { reason: "no effective fault event" });
  const ms = relativeClock(events);
  const effMs = ms(effectiveMono);
  const hosts = [...o.minority, ...o.majority];
  const subjects = new Map(hosts.map((h) => [subjectKey(subject(h)), h]));
  const samples = events.filter((s): s is SampleEvent => s.kind === "sample" && subjects.has(s.subject) && compareMono(s.mono, effectiveMono) >= 0).sort((a, b) => compareMono(a.mono, b.mono));
  const inside = samples.filter((s) => !healedMono || compareMono(s.mono, healedMono) <= 0);
  if (inside.length === 0) return verdict("unknown", { reason: "no cluster view sampled while the fault held" });
  const selfRunning = (h: string, v: unknown) => runningOf(v).includes(node(h)) || (v as View)?.appRunning === true;
  const want = o.majority.map(node).sort().join(",");
  const pausedSince = new Map<string, number>();
  const lastAnswer = new Map<string, unknown>();
  const lastSample = new Map<string, unknown>();
  const runningLate = new Set<string>();
  let pausedAt: number | undefined;
  let majorityAt: number | undefined;
  for (const s of inside) {
    const h = subjects.get(s.subject)!;
    const t = ms(s.mono);
    lastSample.set(h, s.value);
    if (answered(s.value)) lastAnswer.set(h, s.value);
    if (o.minority.includes(h)) {
      if (reportsPaused(s.value)) pausedSince.set(h, pausedSince.get(h) ?? t);
      else if (selfRunning(h, s.value)) {
        pausedSince.delete(h);
        if (o.withinMs !== undefined && t - effMs > o.withinMs) runningLate.add(h);
      }
      if (pausedAt === undefined && o.minority.every((m) => pausedSince.has(m))) pausedAt = t;
    }
    if (majorityAt === undefined && o.majority.every((m) => lastAnswer.has(m) && [...runningOf(lastAnswer.get(m))].sort().join(",") === want)) majorityAt = t;
  }
  const pausedAfterMs = pausedAt === undefined ? undefined : pausedAt - effMs;
  const majorityAfterMs = majorityAt === undefined ? undefined : majorityAt - effMs;
  const resumed = healedMono
    ? samples.find((s) => compareMono(s.mono, healedMono) > 0 && o.minority.includes(subjects.get(s.subject)!) && runningOf(s.value).includes(node(subjects.get(s.subject)!)))
    : undefined;
  const pausedMs = pausedAt === undefined ? undefined : (resumed ? ms(resumed.mono) : ms(inside.at(-1)!.mono)) - pausedAt;
  const late = o.withinMs !== undefined && [pausedAfterMs, majorityAfterMs].some((x) => x !== undefined && x > o.withinMs!);
  // Never paused: proved only by a node seen running (at the end, or past the bound); silence is unknown.
  const unpaused = o.minority.filter((h) => !pausedSince.has(h));
  const silent = (h: string) => !lastSample.has(h) || !selfRunning(h, lastSample.get(h));
  const pause: Validity = pausedAfterMs !== undefined ? true : unpaused.some((h) => silent(h) && !runningLate.has(h)) ? "unknown" : false;
  const alone: Validity = majorityAfterMs !== undefined ? true : o.majority.some((h) => !lastSample.has(h) || !answered(lastSample.get(h))) ? "unknown" : false;
  const valid: Validity = late ? false : worst([pause, alone]);
  const reason = late
    ? "too late"
    : pause === false
      ? "the minority never paused"
      : alone === false
        ? "the majority never ran alone"
        : pause === "unknown"
          ? `no pause seen and no answer from ${unpaused.filter((h) => silent(h) && !runningLate.has(h)).join(", ")} at the end`
          : alone === "unknown"
            ? "the majority never seen alone, and not every majority node answered at the end"
            : undefined;
  return verdict<MinorityPausedDetails>(
    valid,
    {
      minority: o.minority,
      majority: o.majority,
      pausedAfterMs,
      majorityAfterMs,
      pausedMs,
      resumedAfterHeal: resumed !== undefined,
      withinMs: o.withinMs,
      ...(reason ? { reason } : {}),
    },
    pausedAfterMs,
  );
}
