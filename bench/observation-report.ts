import type { ProcessCpu } from "./process-cpu-over.ts";
import { PROCESS_GROUPS, type ProcessGroup } from "./process-cpu.ts";

/** The issue's goal: observing a healthy topology costs under this % of the whole machine. */
export const OBSERVATION_GOAL_PERCENT = 15;

/** What observing a healthy topology (clients, probes, samplers) costs the WHOLE machine, all cores together. */
export interface ObservationCost {
  seconds: number;
  cores: number;
  /** Names of the clients and samplers that ran while `observed` was measured. */
  clients: string[];
  goalPercent: number;
  /** observed − idle busy, % of the whole machine (all cores: 50 % on 2 cores is one core); undefined when not measured. */
  machineBusyPercent?: number;
  withinGoal?: boolean;
  /** The same difference split: user + nice, system + irq + softirq, and steal. */
  userPercent?: number;
  systemPercent?: number;
  stealPercent?: number;
  /** observed − idle by process group, plus the unattributed rest, % of the whole machine. */
  byProcess?: Record<ProcessGroup | "unattributed", number>;
  idle?: ProcessCpu;
  observed?: ProcessCpu;
}

/** The difference of `observed` over `idle`; pure. The figures are absent when either measure is. */
export function observationDiff(idle: ProcessCpu | undefined, observed: ProcessCpu | undefined, context: { seconds: number; cores: number; clients: string[] }): ObservationCost {
  const base = { ...context, goalPercent: OBSERVATION_GOAL_PERCENT, idle, observed };
  if (!idle || !observed) return base;
  const d = (f: "busyPercent" | "userPercent" | "systemPercent" | "stealPercent") => observed.machine[f] - idle.machine[f];
  const byProcess = Object.fromEntries(PROCESS_GROUPS.map((g) => [g, observed.groupsPercent[g] - idle.groupsPercent[g]])) as Record<ProcessGroup, number>;
  return {
    ...base,
    machineBusyPercent: d("busyPercent"),
    withinGoal: d("busyPercent") < OBSERVATION_GOAL_PERCENT,
    userPercent: d("userPercent"),
    systemPercent: d("systemPercent"),
    stealPercent: d("stealPercent"),
    byProcess: { ...byProcess, unattributed: observed.unattributedPercent - idle.unattributedPercent },
  };
}

const p = (v: number) => `${v.toFixed(1)} %`;

/** The one console line of {@link ObservationCost}: groups by cost, most first, unattributed last; pure. */
export function observationLine(o: ObservationCost): string {
  if (o.machineBusyPercent === undefined || !o.byProcess || !o.idle || !o.observed) return "observation cost: not measured (no CPU time elapsed)";
  const groups = PROCESS_GROUPS.map((g) => [g, o.byProcess![g]] as const)
    .filter(([, v]) => Math.abs(v) >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([g, v]) => `${g} ${p(v)}`);
  return (
    `observation cost: ${p(o.machineBusyPercent)} of the whole machine, all ${o.cores} cores ` +
    `(idle ${p(o.idle.machine.busyPercent)}, observed ${p(o.observed.machine.busyPercent)}; user ${p(o.userPercent!)}, system ${p(o.systemPercent!)}, steal ${p(o.stealPercent!)}); ` +
    `by process: ${[...groups, `unattributed ${p(o.byProcess.unattributed)}`].join(", ")}; goal under ${o.goalPercent} %: ${o.withinGoal ? "met" : "NOT met"}`
  );
}
