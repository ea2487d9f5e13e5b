import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { ackedWrites, convergedAfterHeal, noAcksDuring, outage, sameRows, wentNonPrimary } from "../harness/checks/index.ts";
import { isolate, partition } from "../harness/faults/index.ts";
import { galeraStatus, lbStatus, vipHolders, type GaleraStatus } from "../harness/observe/index.ts";
import { compareMono, completedOps, faultWindow } from "../harness/history/index.ts";
import { createSeqTable, mysqlWriter, OpLoop, probeConnection, readSeqs } from "../harness/probes/index.ts";
import { classifyMysqlError } from "../harness/probes/mysql-errors.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import { expectOutcome, recordFinalRows, ScenarioRun, sharedTopology, until } from "../harness/run/index.ts";

// Thresholds, from harness/requirements (overridable per site). PRISMA guide: an isolated Galera node turns non-Primary once its peers are
// suspected, evs.suspect_timeout 5 s; its clustercheck then answers 503 and HAProxy, checking
// every 1 s with fall 2, sends new connections to a backup on the majority side.
const NON_PRIMARY_MS = thresholdMs("galera-partition", "PRISMA-GALERA-MINORITY");
const DB_OUTAGE_MS = thresholdMs("galera-partition", "dbOutageMs");
const REJOIN_MS = thresholdMs("galera-partition", "rejoinMs");

const synced3 = (v: unknown) => {
  const s = v as Partial<GaleraStatus>;
  return s.state === "Synced" && s.status === "Primary" && s.size === 3;
};

describe("galera-partition: the Galera writer is cut off from its two peers", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("the isolated node refuses reads and writes; the majority keeps serving through the VIP; it rejoins; no acknowledged write lost", async () => {
    const run = await ScenarioRun.begin("galera-partition", running);
    const lbs = running.hostsOf("lb");
    const nodes = running.hostsOf("datahost");
    const names = nodes.map((h) => h.name);
    const vip = running.vipAddress("db");
    const table = `galera_partition_${Date.now()}`;
    const minorityTable = `${table}_minority`;
    const writer = async () => {
      const [holder] = await vipHolders(running, "db", lbs);
      return holder ? (await lbStatus(running.host(holder), vip)).activeBackend : null;
    };

    let victim = "";
    const own: OpLoop[] = [];
    await run.perform(async () => {
      const clients = await run.clients({ mysql: { table }, wsrep: true, vips: true });
      victim = (await writer()) ?? "";
      if (!victim) throw new Error("no active Galera backend on the load balancer holding the DB VIP");
      const victimIp = running.host(victim).ip;

      // A second client writes straight to the node about to be isolated (its own table, so its
      // sequence numbers never collide with the VIP writer's).
      await createSeqTable(vip, minorityTable);
      const minority = mysqlWriter({ history: run.history, address: victimIp, table: minorityTable, process: "mysql-minority", maxInFlight: 1 });
      own.push(minority);
      minority.start();
      await run.until(`a baseline of 10 ok inserts straight to ${victim}`, () => completedOps(run.history.events(), { process: "mysql-minority" }).filter((o) => o.type === "ok").length >= 10, 60_000);

      const fault = await run.inject(partition(isolate(victim, names)));
      await run.until(`${victim} non-Primary`, async () => (await galeraStatus(running.host(victim))).status === "non-Primary", NON_PRIMARY_MS);
      // Once it says non-Primary, a reader tries the isolated node too: every read must be refused.
      const reader = new OpLoop({ process: "mysql-minority-read", history: run.history, rateHz: 5, timeoutMs: 2000, maxInFlight: 1 }, () => ({
        f: "read",
        run: async () => {
          let connected = false;
          const c = await probeConnection(victimIp).catch((e) => Promise.reject(classifyMysqlError(e, false)));
          try {
            connected = true;
            const [rows] = await c.conn.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
            return { value: Number((rows as Array<{ n: number }>)[0].n), host: c.node };
          } catch (e) {
            throw classifyMysqlError(e, connected);
          } finally {
            c.conn.destroy();
          }
        },
      }));
      own.push(reader);
      reader.start();
      // Observed, not awaited: without the Synced health check (the negative control) HAProxy keeps the cut-off
      // writer, and the run must still reach its end for the checks to judge it.
      await run.observe(until.writerLeft(running, victim), DB_OUTAGE_MS * 2);
      await run.observe(
        "a MySQL write through the DB VIP acknowledged on the majority",
        () => {
          const events = run.history.events();
          const { effectiveMono } = faultWindow(events);
          return completedOps(events, { process: "mysql" }).some((o) => o.type === "ok" && o.host !== victim && o.completeMono && effectiveMono && compareMono(o.completeMono, effectiveMono) > 0);
        },
        DB_OUTAGE_MS * 2,
      );
      await run.until(
        "10 refused reads and writes on the isolated node",
        () => {
          const events = run.history.events();
          const { effectiveMono } = faultWindow(events);
          const refused = (p: string) =>
            completedOps(events, { process: p }).filter((o) => o.type !== "ok" && o.completeMono && effectiveMono && compareMono(o.completeMono, effectiveMono) > 0).length;
          return refused("mysql-minority") >= 10 && refused("mysql-minority-read") >= 10;
        },
        60_000,
      );
      await reader.stop();
      await fault.heal();
      await run.until(until.galeraSynced(running, 3), REJOIN_MS * 2);
      await run.until(
        `the direct writer to ${victim} acknowledged again`,
        () => {
          const { healedMono } = faultWindow(run.history.events());
          return completedOps(run.history.events(), { process: "mysql-minority" }).some((o) => o.type === "ok" && healedMono && o.completeMono && compareMono(o.completeMono, healedMono) > 0);
        },
        60_000,
      );
      await Promise.all(own.map((p) => p.stop()));
      await run.untilHealthy();
      await run.until(until.steadyOk(run.history, "mysql"));
      await clients.stop(["mysql"]); // final reads see every write the writer will ever make
      await recordFinalRows(run, running, table);
      for (const h of nodes) run.record({ kind: "minority-rows", host: h.name }, await readSeqs(h.ip, minorityTable));
    });
    await Promise.all(own.map((p) => p.stop()));

    const summary = await run.finish({
      "PRISMA-GALERA-MINORITY": (e) => wentNonPrimary(e, { node: victim, withinMs: NON_PRIMARY_MS, fault: "partition" }),
      "PRISMA-GALERA-MINORITY-NO-WRITE": (e) => noAcksDuring(e, { process: "mysql-minority", fault: "partition" }),
      "PRISMA-GALERA-MINORITY-NO-READ": (e) => noAcksDuring(e, { process: "mysql-minority-read", fault: "partition" }),
      "PRISMA-GALERA-MAJORITY": (e) => outage(e, { processes: ["mysql"], maxOutageMs: DB_OUTAGE_MS }),
      "PRISMA-GALERA-PART-ACKED": (e) => ackedWrites(e),
      "PRISMA-GALERA-PART-SAME-ROWS": (e) => sameRows(e, { minNodes: nodes.length }),
      "PRISMA-GALERA-PART-SAME-DIRECT": (e) => sameRows(e, { subject: { kind: "minority-rows" }, minNodes: nodes.length }),
      "PRISMA-GALERA-PART-HEAL": (e) => convergedAfterHeal(e, { subject: { kind: "wsrep" }, predicate: synced3, withinMs: REJOIN_MS }),
    });
    expectOutcome(summary);
  });
});
