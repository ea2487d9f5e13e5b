import type { Topology } from "../../topologies/schema.ts";
import type { ClusterwareTopology } from "../../topologies/clusterware-schema.ts";
import { isClusterware, type AnyTopology } from "../../topologies/kinds.ts";
import { formClusterware } from "./clusterware/form.ts";
import { startTopology, type RunningTopology } from "../engine/index.ts";
import { waitFor } from "../wait/index.ts";
import { formGalera } from "./galera.ts";
import { formGlance } from "./glance.ts";
import { formGluster } from "./gluster.ts";
import { collectHealth, type Health } from "./health.ts";
import { healthProblems } from "./health-problems.ts";
import { formKeystone } from "./keystone.ts";
import { formLb } from "./lb.ts";
import { formPacemaker } from "./pacemaker.ts";
import { formRabbitmq } from "./rabbitmq.ts";

/** Prints phase lines and times phases (harness/cli's PhaseLog satisfies it). */
export interface PhaseRunner {
  line(text: string): void;
  run<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Options for {@link bringUp}. */
export interface BringUpOptions {
  phases: PhaseRunner;
  runId?: string;
  /** Extra labels for every resource of the run (e.g. a shared-topology key). */
  labels?: Record<string, string>;
}

/** Bound for the whole topology to report healthy once formed. */
export const HEALTHY_TIMEOUT_MS = 180_000;

/**
 * Waits until {@link healthProblems} is empty; returns the healthy snapshot. Throws
 * ConvergenceTimeoutError listing what was still wrong.
 */
export function waitHealthy(running: RunningTopology<AnyTopology>, timeoutMs = HEALTHY_TIMEOUT_MS): Promise<Health> {
  return waitFor(
    `${running.topology.name} healthy`,
    async () => {
      const h = await collectHealth(running);
      const problems = healthProblems(running.topology, h);
      if (problems.length) throw new Error(problems.join("; "));
      return h;
    },
    { timeoutMs, intervalMs: 2000 },
  );
}

/**
 * Starts the topology's containers and runs the guide's runbooks: Galera then the load
 * balancers, RabbitMQ, GlusterFS and the Pacemaker cluster side by side, then Keystone and
 * Glance; then waits until every health fact holds. Tears the run down if any step fails.
 */
export async function bringUp(topology: Topology, opts: BringUpOptions): Promise<RunningTopology>;
export async function bringUp(topology: ClusterwareTopology, opts: BringUpOptions): Promise<RunningTopology<ClusterwareTopology>>;
export async function bringUp(topology: AnyTopology, opts: BringUpOptions): Promise<RunningTopology<AnyTopology>>;
export async function bringUp(topology: AnyTopology, opts: BringUpOptions): Promise<RunningTopology<AnyTopology>> {
  if (isClusterware(topology)) return bringUpClusterware(topology, opts);
  const { phases } = opts;
  const running = await phases.run("containers", () => startTopology(topology, { log: (l) => phases.line(l), runId: opts.runId, labels: opts.labels }));
  try {
    const ctx = running.formationContext((l) => phases.line(l));
    await phases.run("data plane and cluster", () =>
      Promise.all([
        phases.run("galera", () => formGalera(ctx)).then(() => phases.run("load balancers", () => formLb(ctx))),
        phases.run("rabbitmq", () => formRabbitmq(ctx)),
        phases.run("glusterfs", () => formGluster(ctx)),
        phases.run("pacemaker", () => formPacemaker(ctx)),
      ]),
    );
    await phases.run("keystone", () => formKeystone(ctx));
    await phases.run("glance", () => formGlance(ctx));
    await phases.run("verify healthy", () => waitHealthy(running));
    return running;
  } catch (e) {
    phases.line(`bring-up failed; removing run ${running.runId}`);
    await running.down().catch(() => undefined);
    throw e;
  }
}

/** The clusterware kind's bring-up: containers, {@link formClusterware}, then verified healthy. Tears down on failure. */
async function bringUpClusterware(topology: ClusterwareTopology, opts: BringUpOptions): Promise<RunningTopology<ClusterwareTopology>> {
  const { phases } = opts;
  const running = await phases.run("containers", () => startTopology(topology, { log: (l) => phases.line(l), runId: opts.runId, labels: opts.labels }));
  try {
    await phases.run("clusterware formation", () => formClusterware(running.formationContext((l) => phases.line(l))));
    await phases.run("verify healthy", () => waitHealthy(running));
    return running;
  } catch (e) {
    phases.line(`bring-up failed; removing run ${running.runId}`);
    await running.down().catch(() => undefined);
    throw e;
  }
}
