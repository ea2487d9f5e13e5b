import { createHash } from "node:crypto";
import { attachTopology, markKept, newRunId, type RunningTopology } from "../engine/index.ts";
import { healAll } from "../faults/index.ts";
import { bringUp, kindOf, waitHealthy } from "../kinds/index.ts";
import { PhaseLog } from "./phase-log.ts";
import { runOptions } from "./run-options.ts";
import { loadTopology, type AnyTopology, type ClusterwareTopology, type Topology } from "../../topologies/index.ts";
import { parseSets, withMutations } from "./set-option.ts";
import { noteSharedRun } from "./session.ts";

/** Label marking a run shared by scenario files; its value keys the topology and its overrides. */
export const LABEL_SHARED = "io.haproof.shared";

/** The topology scenarios run on: the run options' topology (default prisma) with their `--set` overrides and mutations, plus `extra`. */
export function scenarioTopology(extra: Record<string, unknown> = {}): { topology: Topology; key: string } {
  const { topology, key } = anyScenarioTopology(extra, "prisma");
  if (kindOf(topology).name !== "prisma") throw new Error(`this scenario needs a PRISMA-kind topology, not ${topology.name}`);
  return { topology: topology as Topology, key };
}

/** {@link scenarioTopology} of either kind, `defaultName` when the run options name none. */
export function anyScenarioTopology(extra: Record<string, unknown> = {}, defaultName = "prisma"): { topology: AnyTopology; key: string } {
  const o = runOptions();
  const name = o.topology ?? defaultName;
  const overrides = withMutations({ ...parseSets(o.sets), ...extra }, o.mutations);
  // HAPROOF_SHARED_KEY keeps concurrent developers' sessions on separate runs.
  const key = createHash("sha256")
    .update(JSON.stringify([name, overrides, process.env.HAPROOF_SHARED_KEY ?? ""]))
    .digest("hex")
    .slice(0, 12);
  return { topology: loadTopology(name, overrides), key };
}

/**
 * A healthy running topology for scenarios: re-uses the shared run for this topology and
 * overrides (healing any fault a crashed run left, then re-verifying), or brings a new one up.
 * The integration project's global teardown removes shared runs unless the run options keep them.
 */
export async function sharedTopology(extra: Record<string, unknown> = {}): Promise<RunningTopology> {
  const running = await sharedRun(extra, "prisma");
  if (kindOf(running.topology).name !== "prisma") throw new Error(`this scenario needs a PRISMA-kind topology, not ${running.topology.name}`);
  return running as RunningTopology;
}

/** {@link sharedTopology} for the clusterware scenarios (their default topology is clusterware). */
export async function sharedClusterware(extra: Record<string, unknown> = {}): Promise<RunningTopology<ClusterwareTopology>> {
  const running = await sharedRun(extra, "clusterware");
  if (kindOf(running.topology).name !== "clusterware") throw new Error(`this scenario needs a clusterware-kind topology, not ${running.topology.name}`);
  return running as RunningTopology<ClusterwareTopology>;
}

async function sharedRun(extra: Record<string, unknown>, defaultName: string): Promise<RunningTopology<AnyTopology>> {
  const { topology, key } = anyScenarioTopology(extra, defaultName);
  const phases = new PhaseLog((l) => console.log(`${topology.name} ${l}`));
  const existing = await attachTopology(() => topology, undefined, `${LABEL_SHARED}=${key}`);
  if (existing) {
    try {
      const undone = await healAll(existing);
      if (undone.length) phases.line(`healed leftovers: ${undone.join("; ")}`);
      await phases.run(`re-verify shared run ${existing.runId}`, () => waitHealthy(existing));
      noteSharedRun(existing.runId);
      return existing;
    } catch (e) {
      phases.line(`shared run ${existing.runId} is not healthy (${(e as Error).message}); replacing it`);
      await existing.down();
    }
  }
  // Noted before bring-up, so an interrupted session can still remove a half-built run.
  const runId = newRunId(topology.name);
  noteSharedRun(runId);
  const running = await bringUp(topology, { phases, runId, labels: { [LABEL_SHARED]: key } });
  // Kept on purpose (--keep): never reaped as an orphan once this session ends; `down` or `clean` removes it.
  if (runOptions().keep) await markKept(runId, topology.name);
  return running;
}
