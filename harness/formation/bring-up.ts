import type { Topology } from "../../topologies/schema.ts";
import type { ClusterwareTopology } from "../../topologies/clusterware-schema.ts";
import type { FormationContext } from "./context.ts";
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
  if (isClusterware(topology)) {
    const running = await startContainers(topology, opts);
    return formedOrRemoved(running, opts.phases, () =>
      opts.phases.run("clusterware formation", () => formClusterware(running.formationContext((l) => opts.phases.line(l)))),
    );
  }
  const running = await startContainers(topology, opts);
  return formedOrRemoved(running, opts.phases, () => formPrisma(running.formationContext((l) => opts.phases.line(l)), opts.phases));
}

/** The PRISMA guide's runbooks, in the order {@link bringUp} documents. */
async function formPrisma(ctx: FormationContext, phases: PhaseRunner): Promise<void> {
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
}

/** The "containers" phase of either kind. */
function startContainers<T extends AnyTopology>(topology: T, opts: BringUpOptions): Promise<RunningTopology<T>> {
  const { phases } = opts;
  return phases.run("containers", () => startTopology(topology, { log: (l) => phases.line(l), runId: opts.runId, labels: opts.labels }));
}

/** Runs `form` on a just-started run, then waits until it is healthy; on any failure removes the run and rethrows. */
async function formedOrRemoved<R extends RunningTopology<AnyTopology>>(running: R, phases: PhaseRunner, form: () => Promise<unknown>): Promise<R> {
  try {
    await form();
    await phases.run("verify healthy", () => waitHealthy(running));
    return running;
  } catch (e) {
    phases.line(`bring-up failed; removing run ${running.runId}`);
    await running.down().catch(() => undefined);
    throw e;
  }
}
