import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { busyBetween, type MachineBusy, readMachineCpu } from "./machine-cpu.ts";
import { groupTicks, type PidStat, PROCESS_GROUPS, type ProcessGroup, parsePidStat } from "./process-cpu.ts";

let hz: number | undefined;

/** Clock ticks per second (USER_HZ): `getconf CLK_TCK`, run once and remembered; 100 when that fails. */
export function clockTicksPerSecond(): number {
  if (hz === undefined) {
    try {
      const v = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8", timeout: 5000 }).trim());
      hz = Number.isInteger(v) && v > 0 ? v : 100;
    } catch {
      hz = 100;
    }
  }
  return hz;
}

/**
 * Every process's /proc/<pid>/stat now; one that exits while being read is skipped. It sees this pid namespace
 * only: run inside a container, dockerd and the containers' processes are invisible and land in the unattributed rest.
 */
export function readProcessStats(): PidStat[] {
  const out: PidStat[] = [];
  for (const pid of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      out.push(parsePidStat(readFileSync(`/proc/${pid}/stat`, "utf8")));
    } catch {
      // Exited between the listing and the read.
    }
  }
  return out;
}

/** The machine's CPU over an interval, and where it went, every percentage of the WHOLE machine (all cores). */
export interface ProcessCpu {
  machine: MachineBusy;
  /** Own CPU (user + system) of each group's processes seen at the end of the interval. */
  groupsPercent: Record<ProcessGroup, number>;
  /**
   * busy − steal − Σ groups: processes that exited before the second snapshot (short-lived ones such as
   * rabbitmqctl's beam.smp), irq time no process is charged for, and accounting skew (so it can be slightly negative).
   */
  unattributedPercent: number;
  /** CPU of children that exited and were reaped in the interval, by their parent's group: mostly inside unattributedPercent. */
  reapedPercent: Record<ProcessGroup, number>;
  /** Own CPU seconds by group (ticks / CLK_TCK). */
  cpuSeconds: Record<ProcessGroup, number>;
  /** The commands that used the most. */
  top: { comm: string; group: ProcessGroup; percent: number }[];
  clockTicksPerSecond: number;
}

/** Converts two snapshots' ticks into {@link ProcessCpu}; pure. `undefined` when no jiffies elapsed on the machine. */
export function processCpuBetween(machine: MachineBusy | undefined, before: readonly PidStat[], after: readonly PidStat[], selfPid: number, ticksPerSecond: number): ProcessCpu | undefined {
  if (!machine) return undefined;
  const t = groupTicks(before, after, selfPid);
  const pct = (ticks: number) => (ticks / machine.elapsedJiffies) * 100;
  const by = (f: (g: ProcessGroup) => number) => Object.fromEntries(PROCESS_GROUPS.map((g) => [g, f(g)])) as Record<ProcessGroup, number>;
  const groupsPercent = by((g) => pct(t.own[g]));
  const attributed = PROCESS_GROUPS.reduce((a, g) => a + groupsPercent[g], 0);
  return {
    machine,
    groupsPercent,
    unattributedPercent: machine.busyPercent - machine.stealPercent - attributed,
    reapedPercent: by((g) => pct(t.reaped[g])),
    cpuSeconds: by((g) => t.own[g] / ticksPerSecond),
    top: t.top.map((c) => ({ comm: c.comm, group: c.group, percent: pct(c.ticks) })),
    clockTicksPerSecond: ticksPerSecond,
  };
}

/** Machine CPU and its split by process group over the next `ms` milliseconds (reads /proc before and after; Linux only). */
export async function processCpuOver(ms: number): Promise<ProcessCpu | undefined> {
  const hzNow = clockTicksPerSecond();
  const m0 = readMachineCpu();
  const p0 = readProcessStats();
  await delay(ms);
  const m1 = readMachineCpu();
  const p1 = readProcessStats();
  return processCpuBetween(busyBetween(m0, m1), p0, p1, process.pid, hzNow);
}
