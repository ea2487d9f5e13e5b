import type { Site } from "../site/index.ts";
import type { Topology } from "../../topologies/schema.ts";
import type { ClusterwareTopology } from "../../topologies/clusterware-schema.ts";
import type { AnyTopology } from "../../topologies/kinds.ts";
import { startTopology, type RunningTopology } from "../engine/index.ts";
import { waitFor } from "../wait/index.ts";
import { formationContext } from "../formation/context.ts";
import type { Health } from "../formation/health.ts";
import { kindOf } from "./kind-of.ts";
import type { PhaseRunner } from "./kind.ts";

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
 * Waits until the kind's health problems are none; returns the healthy snapshot. Throws
 * ConvergenceTimeoutError listing what was still wrong.
 */
export function waitHealthy(running: Site<AnyTopology>, timeoutMs = HEALTHY_TIMEOUT_MS): Promise<Health> {
  return waitFor(
    `${running.topology.name} healthy`,
    async () => {
      const kind = kindOf(running.topology);
      const h = await kind.collectHealth(running);
      const problems = kind.healthProblems(running.topology, h);
      if (problems.length) throw new Error(problems.join("; "));
      return h;
    },
    { timeoutMs, intervalMs: 2000 },
  );
}

/**
 * Starts the topology's containers and runs its kind's runbooks (for PRISMA the guide's: Galera
 * then the load balancers, RabbitMQ, GlusterFS and the Pacemaker cluster side by side, then
 * Keystone and Glance); then waits until every health fact holds. Tears the run down if any step fails.
 */
export async function bringUp(topology: Topology, opts: BringUpOptions): Promise<RunningTopology>;
export async function bringUp(topology: ClusterwareTopology, opts: BringUpOptions): Promise<RunningTopology<ClusterwareTopology>>;
export async function bringUp(topology: AnyTopology, opts: BringUpOptions): Promise<RunningTopology<AnyTopology>>;
export async function bringUp(topology: AnyTopology, opts: BringUpOptions): Promise<RunningTopology<AnyTopology>> {
  const running = await startContainers(topology, opts);
  return formedOrRemoved(running, opts.phases, () =>
    kindOf(topology).form(
      formationContext(running, (l) => opts.phases.line(l)),
      opts.phases,
    ),
  );
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
