import { beforeAll, describe, expect, it } from "vitest";
import type { RunningTopology } from "../harness/engine/index.ts";
import { verdictMessage } from "../harness/report/index.ts";
import { waitHealthy } from "../harness/kinds/index.ts";
import { chaosSchedule, chaosThresholds, chaosTimeoutMs, runChaos } from "../harness/run/chaos/index.ts";
import { runOptions, scenarioTopology, sharedTopology } from "../harness/run/index.ts";

// In `npm test`: a short fixed-seed schedule (about 2 minutes, one fault at a time). `npm run chaos`
// runs this same spec with its run options naming a drawn or replayed schedule.
const schedule = chaosSchedule(scenarioTopology().topology, runOptions().chaos);

describe(`chaos: seed ${schedule.seed}, ${schedule.steps.length} faults over ${schedule.durationMs / 1000} s (${schedule.intensity})`, () => {
  let running: RunningTopology;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it(
    "no acknowledged write or confirmed message lost, images intact, one VIP holder, tokens survive, everything converges",
    async () => {
      const { summary } = await runChaos(running, schedule, chaosThresholds(runOptions().chaos));
      expect(summary.verdict, verdictMessage(summary)).toBe("pass");
      // The specs after this one share the topology: runChaos healed it and waited; this proves it is still healthy.
      await waitHealthy(running);
    },
    chaosTimeoutMs(schedule),
  );
});
