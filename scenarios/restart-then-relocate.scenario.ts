import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { ackedWrites, chainOrder, outage, placement, restartThenRelocate, vipMoved } from "../harness/checks/index.ts";
import { killProcess } from "../harness/faults/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import type { ClusterwareTopology } from "../topologies/index.ts";
import { clearFailures, cwStatus, failCount, healthyOn, recordFinalRowsCw, recordPcmkOps } from "../harness/run/cw-support.ts";
import { expectOutcome, ScenarioRun, sharedClusterware } from "../harness/run/index.ts";

// Bounds: Pacemaker notices a dead mysqld within one CHECK_INTERVAL (3 s) and restarts it in place
// (InnoDB crash recovery on GlusterFS: a few seconds); relocation also stops and remounts the data
// on the standby and moves mysqlVIP. Measured on the 2-core host (2026-11-22, 3 runs): restarts
// 4.9-7.6 s, relocation 7.7-8.4 s, mysqlVIP move 0.9-2.5 s; the waits leave ~4-5x headroom, and the
// mysqlVIP bound is the requirement's (its formula beside it in harness/requirements).
const RESTART_MS = 30_000;
const RELOCATE_MS = 45_000;
const VIP_MOVE_MS = thresholdMs("restart-then-relocate", "mysqlVipMoveMs");
const CHAIN = ["mysqlVIP", "mysql_data", "mysql"];
// The server itself (argv[0]), not a check script's `grep mariadbd` that pgrep -f would also match.
const MYSQLD = "^/usr/sbin/mariadbd";

describe("restart-then-relocate: mysqld dies again and again on the active controller", () => {
  let running: Site<ClusterwareTopology>;
  beforeAll(async () => {
    running = await sharedClusterware();
  });

  it("is restarted in place RESTART_ATTEMPTS times, then the whole chain relocates; no acked write is lost", async () => {
    // Names unique to this run: the shared topology keeps earlier runs' rows and messages.
    const table = `cw_restart_${Date.now()}`;
    await clearFailures(running);
    const run = await ScenarioRun.begin("restart-then-relocate", running);
    const attempts = running.topology.tunables.restartAttempts;
    const pool = running.topology.pools.find((p) => p.name === running.topology.chains.find((c) => c.service === "mysql")!.pool)!.nodes;
    let home = "";
    const restartMs: number[] = [];
    let relocationMs = Number.NaN;
    await run.perform(async () => {
      const clients = await run.clients({ mysql: { table }, vips: true, placement: true });
      home = (await cwStatus(running)).placement.mysql!;
      const standby = pool.filter((n) => n !== home);
      for (let k = 1; k <= attempts; k++) {
        const t0 = performance.now();
        await run.inject(killProcess(home, MYSQLD, "mysqld"));
        await run.until(
          `failure ${k} counted and mysql running again on ${home}`,
          async () => (await failCount(running, "mysql", home)) >= k && healthyOn(await cwStatus(running), "mysql") === home,
          RESTART_MS,
        );
        restartMs.push(Math.round(performance.now() - t0));
        run.record({ kind: "mysql-restart" }, { attempt: k, node: home, ms: restartMs.at(-1) });
      }
      const t0 = performance.now();
      await run.inject(killProcess(home, MYSQLD, "mysqld"));
      // The relocation is what the checks judge: a chain that never relocates (no-restart-limit) is their
      // false, not a harness crash, so the runbook goes on to heal, read back and record as always.
      const relocated =
        (await run.observe(
          `the mysql chain relocated to ${standby.join(" or ")}`,
          async () => {
            const s = await cwStatus(running);
            return CHAIN.every((r) => standby.includes(s.runningOn[r]?.[0] ?? "")) || undefined;
          },
          RELOCATE_MS,
        )) === true;
      if (relocated) relocationMs = Math.round(performance.now() - t0);
      run.record({ kind: "mysql-relocation" }, { from: home, to: (await cwStatus(running)).placement.mysql, relocated, ms: relocated ? relocationMs : null, waitedMs: RELOCATE_MS });
      await clearFailures(running);
      await run.untilHealthy();
      await clients.stop(["mysql"]); // the final read sees every write the writer will ever make
      await recordFinalRowsCw(run, running, table);
      await recordPcmkOps(run, running);
    });

    const standby = pool.filter((n) => n !== home);
    const summary = await run.finish(
      {
        "CW-RESTART-THEN-RELOCATE": (e) => restartThenRelocate(e, { resource: "mysql", home, standby, restartAttempts: attempts, fault: "kill-process:mysqld" }),
        "CW-RELOCATE-VIP": (e) => vipMoved(e, { vip: "mysqlVIP", from: home, to: standby, maxMoveMs: VIP_MOVE_MS }),
        "CW-RELOCATE-ORDER": (e) => chainOrder(e, { chain: CHAIN, nodes: running.hostsOf("cwnode").map((h) => h.name) }),
        "CW-RELOCATE-POOL": (e) => placement(e, { resources: CHAIN, allowed: pool }),
        "CW-RELOCATE-ACKED": (e) => ackedWrites(e),
        "CW-RELOCATE-BACK": (e) => outage(e, { processes: ["mysql"] }),
      },
      (v) => ({
        ...Object.fromEntries(restartMs.map((ms, i) => [`restart${i + 1}Ms`, ms])),
        relocationMs,
        mysqlOutageMs: v["CW-RELOCATE-BACK"].metric,
      }),
    );
    expectOutcome(summary);
  });
});
