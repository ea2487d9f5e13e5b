import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { ackedWrites, chainOrder, outage, placement, stoppedAfterFault } from "../harness/checks/index.ts";
import { killProcess } from "../harness/faults/index.ts";
import type { ClusterwareTopology } from "../topologies/index.ts";
import { clearFailures, cwStatus, recordFinalRowsCw, recordPcmkOps } from "../harness/run/cw-support.ts";
import { expectOutcome, ScenarioRun, sharedClusterware } from "../harness/run/index.ts";

// Bound: mysqld's check fails within one CHECK_INTERVAL once its data is gone; start refuses
// without the data, so the failed restarts use up RESTART_ATTEMPTS and the chain relocates.
// Measured on the 2-core host (2026-11-22): the chain ran again, remounted on the standby, 4.1 s
// after the fault (2 runs: MySQL outage 3.5-4.6 s); 60 s leaves room for a slower InnoDB recovery.
const RECOVER_MS = 60_000;
const CHAIN = ["mysqlVIP", "mysql_data", "mysql"];

describe("dependency-order: the MySQL data mount breaks on the active controller", () => {
  let running: Site<ClusterwareTopology>;
  beforeAll(async () => {
    running = await sharedClusterware();
  });

  it("MySQL does not keep running without its data; the chain stops and recovers in the documented order", async () => {
    // Names unique to this run: the shared topology keeps earlier runs' rows and messages.
    const table = `cw_dep_order_${Date.now()}`;
    await clearFailures(running);
    const run = await ScenarioRun.begin("dependency-order", running);
    const mount = running.topology.chains.find((c) => c.service === "mysql")!.dataMount!;
    const pool = running.topology.pools.find((p) => p.name === "controller_sp")!.nodes;
    // Every cluster node's Pacemaker log is read (recordPcmkOps): one left unread is unknown, never a pass.
    const nodes = running.hostsOf("cwnode").map((h) => h.name);
    let active = "";
    await run.perform(async () => {
      const clients = await run.clients({ mysql: { table }, placement: true });
      active = (await cwStatus(running)).placement.mysql!;
      // The FUSE client of the data mount dies: the storage is unreachable from this node.
      await run.inject(killProcess(active, `glusterfs.*${mount}`, "mysql-data-mount"));
      await run.until(
        "the mysql chain running again with its data mounted",
        async () => {
          const s = await cwStatus(running);
          const on = s.placement.mysql;
          if (!on || !CHAIN.every((r) => s.runningOn[r]?.[0] === on)) return undefined;
          return (await running.host(on).exec(["mountpoint", "-q", mount], { allowFail: true })).exitCode === 0 || undefined;
        },
        RECOVER_MS,
      );
      await clearFailures(running);
      await run.untilHealthy();
      await clients.stop(["mysql"]); // the final read sees every write the writer will ever make
      await recordFinalRowsCw(run, running, table);
      await recordPcmkOps(run, running);
    });

    const summary = await run.finish(
      {
        "CW-DEPS-ORDER": (e) => chainOrder(e, { chain: CHAIN, nodes }),
        "CW-DEPS-STOP": (e) => stoppedAfterFault(e, { chain: CHAIN, resource: "mysql", nodes }),
        "CW-DEPS-POOL": (e) => placement(e, { resources: CHAIN, allowed: pool }),
        "CW-DEPS-ACKED": (e) => ackedWrites(e),
        "CW-DEPS-BACK": (e) => outage(e, { processes: ["mysql"] }),
      },
      (v) => ({ mysqlOutageMs: v["CW-DEPS-BACK"].metric }),
    );
    expectOutcome(summary);
  });
});
