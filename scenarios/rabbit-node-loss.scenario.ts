import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { ackedWrites, confirmedMessages, convergedAfterHeal, failedOver, outage } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { haPolicy, queueArguments } from "../harness/formation/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import {
  expectOutcome,
  dbWriter,
  declareQueueOn,
  queueMirrors,
  rabbitSampler,
  recordDrained,
  recordFinalRows,
  ScenarioRun,
  sharedTopology,
  startMqClients,
  type MqClients,
  rabbitConverged,
  until,
} from "../harness/run/index.ts";

// Thresholds: read from the requirements table (harness/requirements), overridable per site.
// amqplib detects a silently dead broker by missing 2 heartbeats of 5 s (amqp-connection.ts), then
// the next broker answers within its 1.5 s connect timeout (the formula is beside the bound).
const PUBLISH_OUTAGE_MS = thresholdMs("rabbit-node-loss", "publishOutageMs");
const CONSUMER_FAILOVER_MS = thresholdMs("rabbit-node-loss", "consumerFailoverMs");
// The victim is a Galera `backup`: HAProxy's writer is untouched, but its commits wait for the dead
// member until Galera evicts it (evs.suspect_timeout 5 s default + view change; 6.3 s measured), and a
// rejoin by rsync SST may lock a donor for a moment (the formula is beside the bound).
const DB_OUTAGE_MS = thresholdMs("rabbit-node-loss", "dbOutageMs");
// A restarted node boots RabbitMQ in ~5-10 s (rabbitmq.ts) after MariaDB's IST; generous for 2 cores.
const REJOIN_MS = thresholdMs("rabbit-node-loss", "rejoinMs");

describe("rabbit-node-loss: a RabbitMQ host that is not the DB writer dies", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("publishers and consumers walk the host list; no confirmed message is lost; the node rejoins", async () => {
    const run = await ScenarioRun.begin("rabbit-node-loss", running);
    const stamp = Date.now();
    const queue = `haproof-rabbit-node-loss-${stamp}`;
    const table = `rabbit_node_loss_${stamp}`;
    const data = running.hostsOf("datahost").map((h) => h.name);
    let victim = "";
    let mq: MqClients | undefined;
    const sampler = rabbitSampler(running, run.history, queue);

    await run.perform(async () => {
      const writer = await dbWriter(running);
      victim = data.find((h) => h !== writer)!;
      run.log(`DB writer ${writer}; victim ${victim} (a Galera backup and a RabbitMQ node)`);
      const db = await run.clients({ mysql: { table }, wsrep: true });
      // The queue's master lives where it is declared (client-local locator): on the victim, so the
      // node that dies is the one holding the queue; the mirrors on the other two must take over.
      await declareQueueOn(running.host(victim), queue, queueArguments(running.topology));
      const mirrors = await queueMirrors(running.host(writer), queue);
      run.record({ kind: "queue-mirrors", at: "before-fault" }, mirrors);
      run.log(`queue ${queue}: master ${mirrors?.master}, mirrors ${mirrors?.mirrors.join(", ")}, synchronised ${mirrors?.synchronised.join(", ")}`);
      sampler.start();
      // The clients list the victim first, so they are connected to it when it dies and must walk on.
      mq = await startMqClients(run, running, queue, victim);

      const fault = await run.inject(killHost(victim));
      // Observed, not awaited: with no HA policy (the negative control) nothing fails over, and the run must still reach its end.
      await run.observe(until.servedAway(run.history, ["amqp-publish"], [victim]), PUBLISH_OUTAGE_MS * 2);
      await run.observe(until.servedAway(run.history, ["amqp-consume"], [victim]), CONSUMER_FAILOVER_MS * 2);
      await run.until({ ...until.rabbitRunning(run.history, [writer], 2), name: `the writer's node sees ${victim} gone` });
      await fault.heal();
      await run.untilHealthy();
      await run.until(until.rabbitConverged(run.history, data));
      // With no mirroring policy and no quorum queues (the negative control), the queue has no mirror to synchronise.
      if (haPolicy(running.topology) || queueArguments(running.topology)["x-queue-type"]) {
        await run.observe(
          "every mirror of the queue synchronised again",
          async () => {
            const q = await queueMirrors(running.host(writer), queue);
            return q !== null && q.synchronised.length === data.length - 1 && q;
          },
          120_000,
        );
      } else run.log(`no HA policy: queue ${queue} has no mirror to synchronise`);
      run.record({ kind: "queue-mirrors", at: "after-heal" }, await queueMirrors(running.host(writer), queue));

      await run.until(until.steadyOk(run.history, "amqp-publish"));

      await mq.stop(["amqp-publish"]);
      await recordDrained(run, mq.consumer);
      await run.until(until.steadyOk(run.history, "mysql"));
      await db.stop(["mysql"]);
      await recordFinalRows(run, running, table);
    });
    await mq?.stop();
    await sampler.stop();

    const summary = await run.finish(
      {
        "PRISMA-RABBIT-CONFIRMED": (e) => confirmedMessages(e),
        "PRISMA-RABBIT-OUTAGE": (e) => outage(e, { processes: ["amqp-publish"], maxOutageMs: PUBLISH_OUTAGE_MS }),
        "PRISMA-RABBIT-FAILOVER": (e) => failedOver(e, { processes: ["amqp-publish", "amqp-consume"], away: [victim], withinMs: CONSUMER_FAILOVER_MS }),
        "PRISMA-RABBIT-DB-UNAFFECTED": (e) => outage(e, { processes: ["mysql"], maxOutageMs: DB_OUTAGE_MS }),
        "PRISMA-RABBIT-DB-ACKED": (e) => ackedWrites(e),
        "PRISMA-RABBIT-REJOIN": (e) =>
          convergedAfterHeal(e, { subject: { kind: "rabbit" }, subjects: data.map((host) => ({ kind: "rabbit", host })), predicate: rabbitConverged, withinMs: REJOIN_MS }),
      },
      (v) => {
        const m = v["PRISMA-RABBIT-CONFIRMED"].details;
        return {
          consumerFailoverMs: v["PRISMA-RABBIT-FAILOVER"].details.failoverMs?.["amqp-consume"],
          duplicates: m.duplicates,
          confirmed: m.confirmed,
          consumed: m.delivered,
        };
      },
    );
    expectOutcome(summary);
  });
});
