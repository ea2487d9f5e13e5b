import type { Site } from "../site/index.ts";
import { readSeqs } from "../probes/index.ts";
import type { ScenarioRun } from "./scenario-run.ts";
import { until } from "./until.ts";

/**
 * After heal and convergence, with the writers stopped (`clients.stop(["mysql"])`: a write landing
 * between two nodes' reads looks like a lost write): reads every seq of `table` directly from
 * each Galera node (not through the VIP) and records `rows:<node>` samples for ackedWrites.
 * Waits until every node is Synced and Primary in the full cluster first, so a node still catching up is not read half-way.
 */
export async function recordFinalRows(run: ScenarioRun, running: Site, table: string): Promise<Record<string, number>> {
  const nodes = running.hostsOf("datahost");
  await run.until(until.galeraSynced(running));
  return run.step("final reads on every Galera node", async () => {
    const counts: Record<string, number> = {};
    for (const h of nodes) {
      const seqs = await readSeqs(h.ip, table);
      run.record({ kind: "rows", host: h.name }, seqs);
      counts[h.name] = seqs.length;
    }
    return counts;
  });
}
