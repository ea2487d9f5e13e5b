import { compareMono, relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { samplesWithPrefix } from "../history/samples.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link minorityPaused}. */
export interface MinorityPausedOptions {
  /** Hosts cut off from the majority. */
  minority: string[];
  /** Hosts on the majority side. */
  majority: string[];
  /** Sample subject of a host's own cluster view, `{running: string[]}`; default `rabbit:<host>`. */
  subject?: (host: string) => string;
  /** Cluster node name of a host; default `rabbit@<host>`. */
  node?: (host: string) => string;
  /** Longest tolerated time from the fault to the minority paused and the majority running alone. */
  withinMs?: number;
  /** Only fault events with this name give the window; default all faults. */
  fault?: string;
}

/**
 * RabbitMQ's pause_minority, judged from each node's own cluster view while the partition held:
 * every minority node stops running (its view no longer lists itself), and every majority node's
 * view lists exactly the majority. Reports when each happened after the fault (`pausedAfterMs`,
 * `majorityAfterMs`) and how long the minority stayed paused (`pausedMs`, to its first running
 * view after the heal). False if either never happens or is late; unknown without a fault or samples.
 */
export function minorityPaused(events: readonly HistoryEvent[], o: MinorityPausedOptions): Verdict {
  const subject = o.subject ?? ((h: string) => `rabbit:${h}`);
  const node = o.node ?? ((h: string) => `rabbit@${h}`);
  const { effectiveMono, healedMono } = faultWindow(events, o.fault);
  if (!effectiveMono) return verdict("unknown", { reason: "no effective fault event" });
  const ms = relativeClock(events);
  const hosts = [...o.minority, ...o.majority];
  const subjects = new Map(hosts.map((h) => [subject(h), h]));
  const samples = samplesWithPrefix(events, "").filter((s) => subjects.has(s.subject) && compareMono(s.mono, effectiveMono) >= 0);
  const inside = samples.filter((s) => !healedMono || compareMono(s.mono, healedMono) <= 0);
  if (inside.length === 0) return verdict("unknown", { reason: "no cluster view sampled while the fault held" });
  const runningOf = (v: unknown) => ((v as { running?: unknown })?.running as string[] | undefined) ?? [];
  const selfRunning = (h: string, v: unknown) => runningOf(v).includes(node(h));
  const want = o.majority.map(node).sort().join(",");
  const latest = new Map<string, unknown>();
  let pausedAt: number | undefined;
  let majorityAt: number | undefined;
  for (const s of inside) {
    latest.set(subjects.get(s.subject)!, s.value);
    const t = ms(s.mono);
    if (pausedAt === undefined && o.minority.every((h) => latest.has(h) && !selfRunning(h, latest.get(h)))) pausedAt = t;
    if (majorityAt === undefined && o.majority.every((h) => latest.has(h) && [...runningOf(latest.get(h))].sort().join(",") === want)) majorityAt = t;
  }
  const effMs = ms(effectiveMono);
  const pausedAfterMs = pausedAt === undefined ? undefined : pausedAt - effMs;
  const majorityAfterMs = majorityAt === undefined ? undefined : majorityAt - effMs;
  const resumed = healedMono
    ? samples.find((s) => compareMono(s.mono, healedMono) > 0 && o.minority.includes(subjects.get(s.subject)!) && selfRunning(subjects.get(s.subject)!, s.value))
    : undefined;
  const pausedMs = pausedAt === undefined ? undefined : (resumed ? ms(resumed.mono) : ms(inside.at(-1)!.mono)) - pausedAt;
  const late = o.withinMs !== undefined && [pausedAfterMs, majorityAfterMs].some((x) => x !== undefined && x > o.withinMs!);
  const ok = pausedAfterMs !== undefined && majorityAfterMs !== undefined && !late;
  return verdict(ok, {
    minority: o.minority,
    majority: o.majority,
    pausedAfterMs,
    majorityAfterMs,
    pausedMs,
    resumedAfterHeal: resumed !== undefined,
    withinMs: o.withinMs,
    ...(ok ? {} : { reason: pausedAfterMs === undefined ? "the minority never paused" : majorityAfterMs === undefined ? "the majority never ran alone" : "too late" }),
  });
}
