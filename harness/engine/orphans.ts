import { cleanByLabel } from "./cleanup.ts";
import { docker } from "./docker.ts";
import { LABEL_KEPT, runLabels } from "./labels.ts";
import { currentOwner, ownerState, parseOwner } from "./owner.ts";
import { describeRun, listRuns, type EngineRun } from "./runs.ts";

/**
 * Marks run `runId` as kept on purpose (`up`, `--keep`): a labelled marker volume, removed with the run.
 * A kept run is never reaped as an orphan; it stays until `down` or `clean`. Idempotent.
 */
export async function markKept(runId: string, topology: string): Promise<void> {
  await docker().createVolume({ Name: `haproof-${runId}-kept`, Labels: runLabels(runId, topology, { [LABEL_KEPT]: "true" }, currentOwner()) });
}

/** Runs left by a haproof process of this machine that is gone (SIGKILL, a crash), and not kept on purpose. Pure. */
export function orphansAmong(runs: readonly EngineRun[], thisHost?: string): EngineRun[] {
  return runs.filter((r) => {
    const owner = parseOwner(r.owner);
    return !r.kept && owner !== undefined && ownerState(owner, thisHost) === "gone";
  });
}

/**
 * Removes every orphaned run (see {@link orphansAmong}) and says so, one line per run. Never touches a run
 * whose owner is alive, a run of another machine, a run with no owner label, or a kept run. Idempotent.
 */
export async function reapOrphans(log: (line: string) => void): Promise<string[]> {
  const orphans = orphansAmong(await listRuns());
  for (const r of orphans) {
    log(`engine: removing ${describeRun(r)}, left by haproof process ${parseOwner(r.owner)!.pid}, which is gone`);
    await cleanByLabel({ runId: r.runId });
  }
  return orphans.map((r) => r.runId);
}
