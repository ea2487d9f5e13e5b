import { cleanByLabel, type CleanReport } from "./cleanup.ts";
import { listRuns, type EngineRun } from "./runs.ts";

/** The runs on the engine that `owner` created, plus those named in `runIds` (shared runs it re-used). Read-only. */
export async function runsOf(owner: string, runIds: readonly string[] = []): Promise<EngineRun[]> {
  return (await listRuns()).filter((r) => r.owner === owner || runIds.includes(r.runId));
}

/**
 * Removes everything of the runs {@link runsOf} names, then looks again until none is listed: a create request
 * already sent to dockerd may land after the first pass, and a removal another process began (a teardown a
 * signal cut short) answers 409 until it ends or is abandoned. Passes 1 s apart, for at most `timeoutMs`
 * (default 60 s); `left` names the runs still listed then. Returns what was removed and what Docker refused. Idempotent.
 */
export async function cleanRunsOf(owner: string, runIds: readonly string[] = [], timeoutMs = 60_000): Promise<CleanReport & { left: string[] }> {
  const all: CleanReport = { containers: [], networks: [], volumes: [], images: [], failed: [] };
  const deadline = Date.now() + timeoutMs;
  for (let pass = 0; ; pass++) {
    const runs = await runsOf(owner, runIds);
    if (!runs.length && pass > 0) return { ...all, left: [] };
    if (Date.now() > deadline) return { ...all, left: runs.map((r) => r.runId) };
    for (const r of runs) {
      const rep = await cleanByLabel({ runId: r.runId });
      all.containers.push(...rep.containers);
      all.networks.push(...rep.networks);
      all.volumes.push(...rep.volumes);
      all.failed.push(...rep.failed);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
