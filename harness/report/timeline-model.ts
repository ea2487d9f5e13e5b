import { outage, type OutageOptions, type OutageWindow, type ProcessOutage } from "../checks/outage.ts";
import { compareMono, relativeClock } from "../history/clock.ts";
import type { FaultEvent, HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { samplesMatching } from "../history/samples.ts";
import { isHandover } from "../checks/vip-split.ts";

/** One probe op on the timeline, in ms since the history start. */
export interface OpMark {
  startMs: number;
  endMs: number;
  type: "ok" | "fail" | "info";
  f: string;
  /** True when the op never completed (drawn to the history end). */
  open: boolean;
}

/** A probe process's lane: its ops and the outage check's windows for it. */
export interface ProbeLane {
  process: string;
  ops: OpMark[];
  outages: OutageWindow[];
}

/** One injection of a fault, from start to healed (or failed, or the history end). */
export interface FaultPeriod {
  name: string;
  targets: string[];
  startMs: number;
  effectiveMs?: number;
  healMs?: number;
  endMs: number;
  /** How it ended: healed, failed, or still open at the history end. */
  end: "healed" | "failed" | "open";
}

/** A span during which a VIP's sampled holders stayed the same; holders undefined when the sample was malformed. */
export interface VipSegment {
  startMs: number;
  endMs: number;
  holders: string[] | undefined;
  /** True for a single sample of old and new holder amid a handover, which the VIP checks report but do not fail. */
  handover?: boolean;
}

/** A VIP's lane: subject `vip:<name>` and its holder segments. */
export interface VipLane {
  subject: string;
  segments: VipSegment[];
}

/** Everything the timeline draws, derived from a history. */
export interface TimelineModel {
  /** ms from the first to the last event. */
  endMs: number;
  probes: ProbeLane[];
  faults: FaultPeriod[];
  vips: VipLane[];
  /** Every host seen holding a VIP, sorted (stable colour assignment). */
  vipHosts: string[];
}

/** Derives lanes, fault periods and VIP segments from events; outage windows come from the `outage` check. Pure. */
export function timelineModel(events: readonly HistoryEvent[], outageOpts: OutageOptions = {}): TimelineModel {
  const ms = relativeClock(events);
  const endMs = events.reduce((m, e) => Math.max(m, ms(e.mono)), 0);
  const windows = (outage(events, outageOpts).details.processes ?? {}) as Record<string, ProcessOutage>;
  const probes = new Map<string, ProbeLane>();
  for (const o of completedOps(events)) {
    const lane = probes.get(o.process) ?? { process: o.process, ops: [], outages: windows[o.process]?.windows ?? [] };
    probes.set(o.process, lane);
    const startMs = ms(o.invokeMono);
    lane.ops.push({ startMs, endMs: o.completeMono ? ms(o.completeMono) : endMs, type: o.type, f: o.f, open: !o.completeMono });
  }
  const vips = vipLanes(events, ms, endMs);
  const vipHosts = [...new Set(vips.flatMap((l) => l.segments.flatMap((s) => s.holders ?? [])))].sort();
  return { endMs, probes: [...probes.values()], faults: faultPeriods(events, ms, endMs), vips, vipHosts };
}

function faultPeriods(events: readonly HistoryEvent[], ms: (mono: string) => number, endMs: number): FaultPeriod[] {
  const faults = events.filter((e): e is FaultEvent => e.kind === "fault").sort((a, b) => compareMono(a.mono, b.mono));
  const out: FaultPeriod[] = [];
  const open = new Map<string, FaultPeriod>();
  for (const e of faults) {
    const at = ms(e.mono);
    let p = open.get(e.fault);
    if (!p) {
      // A phase without a start (e.g. a heal-all during setup) still opens a period so it is visible.
      p = { name: e.fault, targets: [...e.targets], startMs: at, endMs, end: "open" };
      open.set(e.fault, p);
      out.push(p);
    }
    for (const t of e.targets) if (!p.targets.includes(t)) p.targets.push(t);
    if (e.phase === "effective") p.effectiveMs ??= at;
    if (e.phase === "heal") p.healMs ??= at;
    if (e.phase === "healed" || e.phase === "failed") {
      p.endMs = at;
      p.end = e.phase;
      open.delete(e.fault);
    }
  }
  return out;
}

function vipLanes(events: readonly HistoryEvent[], ms: (mono: string) => number, endMs: number): VipLane[] {
  const bySubject = new Map<string, VipSegment[]>();
  const single = new Set<VipSegment>(); // segments of one sample only
  for (const s of samplesMatching(events, { kind: "vip" })) {
    const holders = Array.isArray(s.value) && s.value.every((h) => typeof h === "string") ? [...new Set(s.value as string[])].sort() : undefined;
    const segs = bySubject.get(s.subject) ?? [];
    bySubject.set(s.subject, segs);
    const at = ms(s.mono);
    const last = segs.at(-1);
    if (last) last.endMs = at;
    if (last && sameHolders(last.holders, holders)) {
      single.delete(last);
      continue;
    }
    const seg = { startMs: at, endMs: at, holders };
    single.add(seg);
    segs.push(seg);
  }
  for (const segs of bySubject.values()) {
    segs.at(-1)!.endMs = endMs;
    segs.forEach((s, i) => {
      if (single.has(s) && isHandover(segs[i - 1], s, segs[i + 1])) s.handover = true;
    });
  }
  return [...bySubject.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([subject, segments]) => ({ subject, segments }));
}

function sameHolders(a: string[] | undefined, b: string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((h, i) => h === b[i]);
}
