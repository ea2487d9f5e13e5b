import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { movedTo, placement } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import type { ClusterwareTopology } from "../topologies/index.ts";
import { clearFailures, cwStatus } from "../harness/run/cw-support.ts";
import { expectOutcome, ScenarioRun, sharedClusterware, until } from "../harness/run/index.ts";

// Bound (harness/requirements, formula beside it): Corosync's token (3 s) and consensus, then three Dummy
// starts. Measured on the 2-core host (2026-11-22, 2 runs): 11.3-11.6 s.
const FAILOVER_MS = thresholdMs("network-pool", "relocationMs");

describe("network-pool: the active network controller dies", () => {
  let running: Site<ClusterwareTopology>;
  beforeAll(async () => {
    running = await sharedClusterware();
  });

  it("moves the network agent stand-ins to the other network_sp node, never to a controller", async () => {
    await clearFailures(running);
    const run = await ScenarioRun.begin("network-pool", running);
    const agents = running.topology.networkAgents.agents;
    const pool = running.topology.pools.find((p) => p.name === running.topology.networkAgents.pool)!.nodes;
    let victim = "";
    let relocationMs = Number.NaN;
    await run.perform(async () => {
      await run.clients({ placement: true });
      victim = (await cwStatus(running)).placement[agents[0]!]!;
      const standby = pool.filter((n) => n !== victim);
      const t0 = performance.now();
      const fault = await run.inject(killHost(victim));
      await run.until({ ...until.runningOn(running, agents, standby, [victim]), name: `the agents running on ${standby.join(" or ")}` }, FAILOVER_MS);
      relocationMs = Math.round(performance.now() - t0);
      await fault.heal();
      await run.untilHealthy();
    });

    const standby = pool.filter((n) => n !== victim);
    const summary = await run.finish(
      {
        "CW-NET-POOL": (e) => placement(e, { resources: [...agents], allowed: pool }),
        "CW-NET-MOVED": (e) => movedTo(e, { resources: [...agents], to: standby }),
      },
      () => ({ relocationMs }),
    );
    expectOutcome(summary);
  });
});
