import type { Step } from "../../chaos/index.ts";
import { fromComponents, killHost, killProcess, netem, partition, pauseHost, stopHost, type Fault, type FaultHandle } from "../../faults/index.ts";
import type { Site } from "../../site/index.ts";
import { PROCESSES } from "./process-catalog.ts";

/** A step made concrete on resolved hosts: the fault to inject, and for killed processes the restart its heal owes. */
export interface StepFault {
  fault: Fault;
  /** Starts the killed process again where nothing supervises it; idempotent. */
  restart?: () => Promise<void>;
}

/** One fault over several hosts: injects each (all or none: a failure heals those already in), heals them all. */
export function allOf(faults: Fault[]): Fault {
  if (faults.length === 1) return faults[0]!;
  return {
    name: faults[0]!.name,
    targets: faults.flatMap((f) => f.targets),
    inject: async (site, history) => {
      const settled = await Promise.allSettled(faults.map((f) => f.inject(site, history)));
      const handles = settled.filter((s): s is PromiseFulfilledResult<FaultHandle> => s.status === "fulfilled").map((s) => s.value);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
      if (failed) {
        await Promise.all(handles.map((h) => h.heal().catch(() => undefined)));
        throw failed.reason;
      }
      const heal = async () => void (await Promise.all(handles.map((h) => h.heal())));
      return { fault: faults[0]!.name, targets: faults.flatMap((f) => f.targets), heal, [Symbol.asyncDispose]: heal };
    },
  };
}

/**
 * The fault a step means on `hosts` (already resolved): kill/stop/pause each host, kill the
 * step's process on each, cut each host off from every other host of the topology (both ways;
 * the harness's clients still reach every side), or degrade each host's link. Pure apart from
 * closing over `site` for the restart.
 */
export function stepFault(step: Step, hosts: string[], site: Site): StepFault {
  switch (step.kind) {
    case "kill":
      return { fault: allOf(hosts.map((h) => killHost(h))) };
    case "stop":
      return { fault: allOf(hosts.map((h) => stopHost(h))) };
    case "pause":
      return { fault: allOf(hosts.map((h) => pauseHost(h))) };
    case "netem":
      return { fault: allOf(hosts.map((h) => netem(h, step.netem!))) };
    case "partition": {
      const all = site.hosts.map((h) => h.name);
      return { fault: partition(fromComponents([...hosts.map((h) => [h]), all.filter((n) => !hosts.includes(n))], all)) };
    }
    case "process": {
      const spec = PROCESSES[step.process!];
      const cmd = spec.restart?.(site);
      return {
        fault: allOf(hosts.map((h) => killProcess(h, spec.pattern, step.process))),
        restart: cmd ? async () => void (await Promise.all(hosts.map((h) => site.host(h).exec(cmd, { allowFail: true })))) : undefined,
      };
    }
  }
}
