import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { ackedWrites, convergedAfterHeal, outage, sameRows } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { lbStatus, vipHolders, type GaleraStatus } from "../harness/observe/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import { expectOutcome, recordFinalRows, ScenarioRun, sharedTopology, until } from "../harness/run/index.ts";

// Thresholds, from harness/requirements (overridable per site). PRISMA guide: HAProxy checks clustercheck every 1 s and marks a node down after
// 2 failures, then sends new connections to a backup; a restarted node rejoins by IST/SST.
const DB_OUTAGE_MS = thresholdMs("galera-node-loss", "dbOutageMs");
const REJOIN_MS = thresholdMs("galera-node-loss", "rejoinMs");

const synced3 = (v: unknown) => {
  const s = v as Partial<GaleraStatus>;
  return s.state === "Synced" && s.status === "Primary" && s.size === 3;
};

describe("galera-node-loss: the Galera node HAProxy writes to dies", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("fails HAProxy over to a backup; writes continue; the node rejoins Synced; no acknowledged write lost", async () => {
    const run = await ScenarioRun.begin("galera-node-loss", running);
    const lbs = running.hostsOf("lb");
    const nodes = running.hostsOf("datahost");
    const vip = running.vipAddress("db");
    const table = `galera_node_loss_${Date.now()}`;
    const writer = async () => {
      const [holder] = await vipHolders(running, "db", lbs);
      return holder ? (await lbStatus(running.host(holder), vip)).activeBackend : null;
    };

    let victim = "";
    await run.perform(async () => {
      const clients = await run.clients({ mysql: { table }, wsrep: true, vips: true });
      victim = (await writer()) ?? "";
      if (!victim) throw new Error("no active Galera backend on the load balancer holding the DB VIP");

      const fault = await run.inject(killHost(victim));
      await run.until(until.writerLeft(running, victim), DB_OUTAGE_MS * 3);
      await run.until(until.okAfterFault(run.history, "mysql"), DB_OUTAGE_MS * 3);
      await fault.heal();
      await run.until(until.galeraSynced(running, 3), REJOIN_MS * 2);
      await run.untilHealthy();
      await run.until(until.steadyOk(run.history, "mysql"));
      await clients.stop(["mysql"]); // final reads see every write the writer will ever make
      await recordFinalRows(run, running, table);
    });

    const summary = await run.finish({
      "PRISMA-GALERA-WRITER-FAILOVER": (e) => outage(e, { processes: ["mysql"], maxOutageMs: DB_OUTAGE_MS }),
      "PRISMA-GALERA-ACKED-WRITES": (e) => ackedWrites(e),
      "PRISMA-GALERA-SAME-ROWS": (e) => sameRows(e, { minNodes: nodes.length }),
      "PRISMA-GALERA-REJOIN": (e) => convergedAfterHeal(e, { subject: { kind: "wsrep" }, predicate: synced3, withinMs: REJOIN_MS }),
    });
    expectOutcome(summary);
  });
});
