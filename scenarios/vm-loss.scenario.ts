import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { ackedWrites, confirmedMessages, convergedAfterHeal, failedOver, outage } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import { expectOutcome, dbWriter, queueMirrors, rabbitSampler, ScenarioRun, settleDataClients, sharedTopology, rabbitConverged, until } from "../harness/run/index.ts";

// Thresholds: read from the requirements table (harness/requirements), overridable per site.
// HAProxy marks the writer down after fall 2 x inter 1 s (topology tunables), and Galera's survivors
// evict the dead node after evs.suspect_timeout (5 s default) before commits resume (formula beside the bound).
const DB_OUTAGE_MS = thresholdMs("vm-loss", "dbOutageMs");
// amqplib: 2 missed heartbeats of 5 s, then a 1.5 s connect to the next broker, plus the promotion
// of a mirror of the queue whose master died (formula beside the bound).
const PUBLISH_OUTAGE_MS = thresholdMs("vm-loss", "publishOutageMs");
// A restarted data host rejoins Galera by IST and RabbitMQ by a node restart; generous for 2 cores.
const GALERA_REJOIN_MS = thresholdMs("vm-loss", "galeraRejoinMs");
const RABBIT_REJOIN_MS = thresholdMs("vm-loss", "rabbitRejoinMs");

const wsrepSynced = (v: unknown) => (v as { size?: number; state?: string }).size === 3 && (v as { state?: string }).state === "Synced";

describe("vm-loss: the data host holding the Galera writer and the queue master dies", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("database and messaging keep serving; nothing acknowledged or confirmed is lost", async () => {
    const run = await ScenarioRun.begin("vm-loss", running);
    const stamp = Date.now();
    const queue = `haproof-vm-loss-${stamp}`;
    const table = `vm_loss_${stamp}`;
    const data = running.hostsOf("datahost").map((h) => h.name);
    const sampler = rabbitSampler(running, run.history, queue);
    let victim = "";

    await run.perform(async () => {
      victim = await dbWriter(running);
      // The clients walk the broker list from its first host, vm-1, and declare the queue there:
      // the victim holds the Galera writer, the queue's master and both clients' connections.
      const clients = await run.clients({ mysql: { table }, amqp: { queue }, wsrep: true });
      const mirrors = await queueMirrors(running.host(victim), queue);
      run.record({ kind: "queue-mirrors", at: "before-fault" }, mirrors);
      run.log(`DB writer ${victim}; queue ${queue}: master ${mirrors?.master}, mirrors ${mirrors?.mirrors.join(", ")}, synchronised ${mirrors?.synchronised.join(", ")}`);
      sampler.start();

      const fault = await run.inject(killHost(victim));
      await run.until(until.servedAway(run.history, ["mysql"], [victim]), DB_OUTAGE_MS * 2);
      await run.until(until.servedAway(run.history, ["amqp-publish"], [victim]), PUBLISH_OUTAGE_MS * 2);
      await run.until(until.servedAway(run.history, ["amqp-consume"], [victim]), PUBLISH_OUTAGE_MS * 2);
      const promoted = await run.until("a surviving mirror promoted to queue master", async () => {
        const other = data.find((h) => h !== victim)!;
        const q = await queueMirrors(running.host(other), queue);
        return q?.master && q.master !== `rabbit@${victim}` ? q : undefined;
      });
      run.record({ kind: "queue-mirrors", at: "during-fault" }, promoted);
      run.log(`queue master now ${promoted.master}`);
      await fault.heal();
      await run.untilHealthy();
      await run.until(until.rabbitConverged(run.history, data));
      await run.until(until.galeraSyncedSampled(run.history, data, 3));

      await settleDataClients(run, running, clients, table);
    });
    await sampler.stop();

    const summary = await run.finish(
      {
        "PRISMA-VM-ACKED-WRITES": (e) => ackedWrites(e),
        "PRISMA-VM-CONFIRMED": (e) => confirmedMessages(e),
        "PRISMA-VM-MYSQL-OUTAGE": (e) => outage(e, { processes: ["mysql"], maxOutageMs: DB_OUTAGE_MS }),
        "PRISMA-VM-PUBLISH-OUTAGE": (e) => outage(e, { processes: ["amqp-publish"], maxOutageMs: PUBLISH_OUTAGE_MS }),
        "PRISMA-VM-SURVIVORS": (e) => failedOver(e, { processes: ["mysql", "amqp-publish", "amqp-consume"], away: [victim], withinMs: Math.max(DB_OUTAGE_MS, PUBLISH_OUTAGE_MS) }),
        "PRISMA-VM-GALERA-REJOIN": (e) =>
          convergedAfterHeal(e, { subject: { kind: "wsrep" }, subjects: data.map((host) => ({ kind: "wsrep", host })), predicate: wsrepSynced, withinMs: GALERA_REJOIN_MS }),
        "PRISMA-VM-RABBIT-REJOIN": (e) =>
          convergedAfterHeal(e, { subject: { kind: "rabbit" }, subjects: data.map((host) => ({ kind: "rabbit", host })), predicate: rabbitConverged, withinMs: RABBIT_REJOIN_MS }),
      },
      (v) => {
        const m = v["PRISMA-VM-CONFIRMED"].details;
        const f = v["PRISMA-VM-SURVIVORS"].details.failoverMs;
        return {
          dbFailoverMs: f?.mysql,
          consumerFailoverMs: f?.["amqp-consume"],
          duplicates: m.duplicates,
          confirmed: m.confirmed,
          consumed: m.delivered,
        };
      },
    );
    expectOutcome(summary);
  });
});
