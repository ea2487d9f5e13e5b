import { type ChaosTopology, hostsOf, PROCESS_ROLE, vipOfResource, vipRole } from "./catalog.ts";
import type { Schedule, Step } from "./schedule.ts";

/** How many hosts of a role may be down or cut off at once and the role keeps serving: a strict minority of a quorum group of 3+, all but one of a pair. */
export function survivableLimit(groupSize: number): number {
  return groupSize >= 3 ? Math.floor((groupSize - 1) / 2) : Math.max(0, groupSize - 1);
}

/** Hosts of its role a step takes out: its named hosts, or one for a target resolved at run time; pure. */
export function stepWidth(step: Step): number {
  return step.target.pick === "hosts" ? new Set(step.target.hosts).size : 1;
}

/** The largest number of hosts of each role affected at the same instant over the whole schedule; pure. */
export function peakAffected(schedule: Schedule): Record<string, number> {
  const peak: Record<string, number> = {};
  for (const s of schedule.steps) {
    const active = schedule.steps.filter((o) => o.atMs <= s.atMs && s.atMs < o.atMs + o.holdMs && o.target.role === s.target.role);
    peak[s.target.role] = Math.max(
      peak[s.target.role] ?? 0,
      active.reduce((n, o) => n + stepWidth(o), 0),
    );
  }
  return peak;
}

/**
 * The low-intensity limits a schedule breaks, one sentence each; empty when it respects them:
 * steps never overlap, no step takes more than {@link survivableLimit} hosts of its role, and no
 * step partitions load balancers. Pure; a high-intensity schedule is exempt and returns [].
 */
export function survivabilityProblems(schedule: Schedule, topology: ChaosTopology): string[] {
  if (schedule.intensity === "high") return [];
  const p: string[] = [];
  schedule.steps.forEach((s, i) => {
    const prev = schedule.steps[i - 1];
    if (prev && s.atMs < prev.atMs + prev.holdMs) p.push(`steps.${i}: starts at ${s.atMs} ms while step ${i - 1} holds until ${prev.atMs + prev.holdMs} ms (low: one fault at a time)`);
    const limit = survivableLimit(hostsOf(topology, s.target.role).length);
    if (stepWidth(s) > limit) p.push(`steps.${i}: takes ${stepWidth(s)} ${s.target.role} hosts, more than the ${limit} that ${s.target.role} survives (low)`);
    if (s.kind === "partition" && s.target.role === "lb") p.push(`steps.${i}: partitions a load balancer (keepalived has no quorum: both would take the VIP)`);
  });
  return p;
}

/** Whether `step` fits `topology`: its hosts exist with the role it names, its VIP exists, its process runs there; pure. */
export function stepProblems(step: Step, topology: ChaosTopology, at = "step"): string[] {
  const p: string[] = [];
  const t = step.target;
  const members = hostsOf(topology, t.role);
  if (members.length === 0) p.push(`${at}.target.role: ${topology.name} has no ${t.role} host`);
  if (t.pick === "hosts") for (const h of t.hosts) if (!members.includes(h)) p.push(`${at}.target.hosts: ${h} is not a ${t.role} host of ${topology.name}`);
  if (t.pick === "vip-holder" && vipRole(topology, t.vip) !== t.role) p.push(`${at}.target.vip: ${topology.name} has no VIP ${t.vip} held by ${t.role} hosts`);
  if (step.process) {
    if (PROCESS_ROLE[step.process] !== t.role) p.push(`${at}.process: ${step.process} runs on ${PROCESS_ROLE[step.process]} hosts, not ${t.role}`);
    const vip = vipOfResource(topology, step.process);
    if (vip && !(t.pick === "vip-holder" && t.vip === vip)) p.push(`${at}.process: ${step.process} runs only on the ${vip} VIP holder; target it with pick vip-holder`);
  }
  return p;
}

/** Every way `schedule` does not fit `topology` (name, hosts, VIPs, processes, low limits); empty when it fits. Pure. */
export function scheduleProblems(schedule: Schedule, topology: ChaosTopology): string[] {
  const p = schedule.topology === topology.name ? [] : [`topology: the schedule is for ${schedule.topology}, not ${topology.name}`];
  schedule.steps.forEach((s, i) => p.push(...stepProblems(s, topology, `steps.${i}`)));
  return [...p, ...survivabilityProblems(schedule, topology)];
}
