import { readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";

/** The aggregate `cpu` line of /proc/stat, in jiffies (USER_HZ ticks) summed over every core. */
export interface MachineJiffies {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
  /** user + nice + system + idle + iowait + irq + softirq + steal (guest time is already inside user and nice). */
  total: number;
}

/** How busy the whole machine (all cores together) was between two snapshots, each figure 0-100 % of it. */
export interface MachineBusy {
  /** (Δtotal − Δidle − Δiowait) / Δtotal: equals userPercent + systemPercent + stealPercent. */
  busyPercent: number;
  /** user + nice. */
  userPercent: number;
  /** system + irq + softirq: the kernel's share. */
  systemPercent: number;
  /** Time a hypervisor gave to other guests while this machine wanted to run. */
  stealPercent: number;
  iowaitPercent: number;
  /** Δtotal, the denominator: jiffies elapsed over all cores. */
  elapsedJiffies: number;
}

const FIELDS = ["user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"] as const;

/** Parses the aggregate `cpu` line of /proc/stat text; pure. Missing trailing fields (old kernels) are 0; throws when there is no `cpu` line. */
export function parseProcStat(text: string): MachineJiffies {
  const line = text.split("\n").find((l) => /^cpu\s/.test(l));
  if (!line) throw new Error("/proc/stat: no aggregate cpu line");
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const j = Object.fromEntries(FIELDS.map((f, i) => [f, v[i] ?? 0])) as Omit<MachineJiffies, "total">;
  return { ...j, total: FIELDS.reduce((a, f) => a + j[f], 0) };
}

/**
 * The machine's busy split from snapshot `a` to the later `b`; pure. `undefined` when no jiffies elapsed
 * (Δtotal ≤ 0): no figure rather than a NaN or a made-up 0 %.
 */
export function busyBetween(a: MachineJiffies, b: MachineJiffies): MachineBusy | undefined {
  const d = (f: keyof MachineJiffies) => b[f] - a[f];
  const total = d("total");
  if (total <= 0) return undefined;
  const pct = (x: number) => (x / total) * 100;
  return {
    busyPercent: pct(total - d("idle") - d("iowait")),
    userPercent: pct(d("user") + d("nice")),
    systemPercent: pct(d("system") + d("irq") + d("softirq")),
    stealPercent: pct(d("steal")),
    iowaitPercent: pct(d("iowait")),
    elapsedJiffies: total,
  };
}

/** Reads /proc/stat now (Linux only; throws elsewhere). /proc/stat is not namespaced: it is the host's CPU even inside a container. */
export function readMachineCpu(): MachineJiffies {
  return parseProcStat(readFileSync("/proc/stat", "utf8"));
}

/** The whole machine's busy split over the next `ms` milliseconds (reads /proc/stat before and after). */
export async function machineCpuOver(ms: number): Promise<MachineBusy | undefined> {
  const a = readMachineCpu();
  await delay(ms);
  return busyBetween(a, readMachineCpu());
}
