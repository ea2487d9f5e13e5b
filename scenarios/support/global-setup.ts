import { cleanByLabel, engineAnswers } from "../../harness/engine/index.ts";
import { docker } from "../../harness/engine/docker.ts";
import { LABEL_SHARED } from "./shared-topology.ts";

/** Vitest global teardown of the integration project: removes shared scenario runs unless HAPROOF_KEEP=1. */
export default function setup(): () => Promise<void> {
  return async () => {
    if (process.env.HAPROOF_KEEP === "1" || !(await engineAnswers())) return;
    const nets = await docker().listNetworks({ filters: JSON.stringify({ label: [LABEL_SHARED] }) });
    for (const n of nets) {
      const runId = n.Labels?.["io.haproof.run"];
      if (runId) await cleanByLabel({ runId });
    }
  };
}
