import { readFileSync } from "node:fs";
import { hostname } from "node:os";

/** The process that owns a run: the machine it ran on, its pid and its start time (so a reused pid is not mistaken for it). */
export interface Owner {
  host: string;
  pid: number;
  /** Start time in clock ticks since boot (/proc/<pid>/stat field 22); 0 where /proc is absent. */
  started: number;
}

/** `host:pid:started`, the value of the owner label. Pure. */
export function formatOwner(o: Owner): string {
  return `${o.host}:${o.pid}:${o.started}`;
}

/** The owner a label value names, or undefined when it is malformed. Pure. */
export function parseOwner(value: string | undefined): Owner | undefined {
  const m = value?.match(/^(.+):(\d+):(\d+)$/);
  return m ? { host: m[1]!, pid: Number(m[2]), started: Number(m[3]) } : undefined;
}

/** Start time of process `pid` in clock ticks since boot, undefined when no such process; 0 when /proc cannot tell. */
export function processStarted(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return process.platform === "linux" ? undefined : aliveBySignal(pid);
    return 0;
  }
}

function aliveBySignal(pid: number): number | undefined {
  try {
    process.kill(pid, 0);
    return 0;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM" ? 0 : undefined;
  }
}

/** This process as an owner. */
export function selfOwner(): Owner {
  return { host: hostname(), pid: process.pid, started: processStarted(process.pid) ?? 0 };
}

/**
 * The owner label value for resources created now: HAPROOF_OWNER when a parent haproof process set it
 * (the CLI sets it before it starts vitest), else this process. Sets HAPROOF_OWNER so children inherit it.
 */
export function currentOwner(): string {
  process.env.HAPROOF_OWNER ??= formatOwner(selfOwner());
  return process.env.HAPROOF_OWNER;
}

/** "alive", "gone", or "elsewhere" (another machine's process, which this one cannot see). */
export function ownerState(o: Owner, thisHost = hostname()): "alive" | "gone" | "elsewhere" {
  if (o.host !== thisHost) return "elsewhere";
  const started = processStarted(o.pid);
  if (started === undefined) return "gone";
  return o.started === 0 || started === 0 || started === o.started ? "alive" : "gone";
}

/** Makes this process the owner of every run it and its children create from now on (sets HAPROOF_OWNER). */
export function claimOwnership(): string {
  process.env.HAPROOF_OWNER = formatOwner(selfOwner());
  return process.env.HAPROOF_OWNER;
}
