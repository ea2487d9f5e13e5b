import { prepareImages, readyEngine } from "../engine/index.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";
import { PhaseLog } from "../run/phase-log.ts";

/**
 * The first step of every command that runs a topology: finds or provisions the engine (removing orphaned
 * runs) and builds the topologies' images, with the same progress lines as `prepare`. Nothing touches
 * Docker before it.
 */
export async function engineAndImages(topologies: readonly BaseTopology[], phases = new PhaseLog()): Promise<void> {
  await phases.run("engine and images", async () => {
    await readyEngine((l) => phases.line(l));
    for (const t of topologies) await prepareImages(t, (l) => phases.line(l));
  });
}
