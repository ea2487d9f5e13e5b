import { cleanByLabel, type CleanReport } from "./cleanup.ts";
import { listRuns, type EngineRun } from "./runs.ts";

/** The runs on the engine that `owner` created, plus those named in `runIds` (shared runs it re-used). Read-only. */
export async function runsOf(owner: string, runIds: readonly string[] = []): Promise<EngineRun[]> {
  return (await listRuns()).filter((r) => r.owner === owner || runIds.includes(r.runId));
}

/**
 * Removes everything of the runs {@link runsOf} names, then looks again, since a create request already
 * sent to dockerd may land after the first pass; up to `passes` passes, 1 s apart. Returns what was removed
 * and what Docker refused. Idempotent.
 */
export async function cleanRunsOf(owner: string, runIds: readonly string[] = [], passes = 4): Promise<CleanReport> {
  const all: CleanReport = { containers: [], networks: [], volumes: [], images: [], failed: [] };
  for (let i = 0; i < passes; i++) {
    const runs = await runsOf(owner, runIds);
    if (!runs.length && i > 0) break;
    for (const r of runs) {
      const rep = await cleanByLabel({ runId: r.runId });
      all.containers.push(...rep.containers);
      all.networks.push(...rep.networks);
      all.volumes.push(...rep.volumes);
      all.failed.push(...rep.failed);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return all;
}
