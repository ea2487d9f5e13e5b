import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { confirmedMessages, convergedAfterHeal, failedOver, minorityPaused, outage, reportsPaused, verdict, type MinorityPausedDetails } from "../harness/checks/index.ts";
import { isolate, partition } from "../harness/faults/index.ts";
import { queueArguments } from "../harness/formation/index.ts";
import { compareMono, faultWindow, samplesOf } from "../harness/history/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import {
  expectOutcome,
  dbWriter,
  declareQueueOn,
  queueMirrors,
  rabbitSampler,
  recordDrained,
  ScenarioRun,
  sharedTopology,
  startMqClients,
  type MqClients,
  rabbitConverged,
  until,
} from "../harness/run/index.ts";

// Thresholds: read from the requirements table (harness/requirements), overridable per site.
// Erlang distribution declares a silent peer down after net_ticktime (60 s default, not overridden)
// x 0.75..1.25: at most 75 s, then pause_minority stops the minority node. The samplers see it one
// rabbitmqctl call later, and on a cut node a call can take its full 30 s timeout; 25 s margin.
// (Measured on a quiet 2-core machine: publishers moved at 75 s, samplers saw the pause at 98-100 s.)
const PARTITION_DETECT_MS = thresholdMs("rabbit-partition", "minorityPausedMs");
// Publishes stall until then (the mirrored queue's GM ring waits for the cut mirror), then the
// clients walk from the paused node to the next broker (amqplib heartbeat 5 s x 2 + connect 1.5 s).
const PUBLISH_OUTAGE_MS = thresholdMs("rabbit-partition", "publishOutageMs");
const FAILOVER_MS = thresholdMs("rabbit-partition", "consumerFailoverMs");
// After the heal the paused node restarts its app and rejoins; Galera on it rejoins by IST.
const RECOVERY_MS = thresholdMs("rabbit-partition", "recoveryMs");

describe("rabbit-partition: one RabbitMQ node is cut off from the other two", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("the configured partition handling acts; after the heal no confirmed message is lost", async () => {
    const run = await ScenarioRun.begin("rabbit-partition", running);
    const mode = running.topology.rabbitmq.partitionHandling;
    const queue = `haproof-rabbit-partition-${Date.now()}`;
    const data = running.hostsOf("datahost").map((h) => h.name);
    const sampler = rabbitSampler(running, run.history, queue);
    let minority = "";
    let majority: string[] = [];
    let mq: MqClients | undefined;

    await run.perform(async () => {
      const writer = await dbWriter(running);
      // Cut a node that is neither the DB writer nor the queue's master: the data plane keeps its writer.
      minority = data.filter((h) => h !== writer).at(-1)!;
      majority = data.filter((h) => h !== minority);
      run.log(`partition handling ${mode}; isolating ${minority} from ${majority.join(", ")}`);
      await declareQueueOn(running.host(writer), queue, queueArguments(running.topology));
      run.record({ kind: "queue-mirrors", at: "before-fault" }, await queueMirrors(running.host(writer), queue));
      sampler.start();
      // Clients list the minority node first: pause_minority must push them to the majority.
      mq = await startMqClients(run, running, queue, minority);

      const fault = await run.inject(partition(isolate(minority, data)));
      await run.until({ ...until.rabbitRunning(run.history, majority, 2), name: `the majority (${majority.join(", ")}) sees ${minority} gone` }, PARTITION_DETECT_MS * 2);
      if (mode === "pause_minority")
        // Only the node's own answer that its app stopped is a pause: a node that does not answer is not one.
        await run.until(
          `${minority} paused (its own node says its rabbit app is stopped)`,
          () => {
            const events = run.history.events();
            const { effectiveMono } = faultWindow(events);
            return samplesOf(events, { kind: "rabbit", host: minority }).some((s) => !!effectiveMono && compareMono(s.mono, effectiveMono) >= 0 && reportsPaused(s.value));
          },
          PARTITION_DETECT_MS * 2,
        );
      await run.until(until.servedAway(run.history, ["amqp-publish", "amqp-consume"], [minority]), PUBLISH_OUTAGE_MS * 2);
      await fault.heal();
      await run.untilHealthy();
      await run.until(until.rabbitConverged(run.history, data));
      await run.until(until.steadyOk(run.history, "amqp-publish"));
      await mq.stop(["amqp-publish"]);
      await recordDrained(run, mq.consumer);
    });
    await mq?.stop();
    await sampler.stop();

    const summary = await run.finish(
      {
        "PRISMA-RABBIT-PART-CONFIRMED": (e) => confirmedMessages(e),
        "PRISMA-RABBIT-PART-PAUSE": (e) =>
          mode === "pause_minority"
            ? minorityPaused(e, { minority: [minority], majority, withinMs: PARTITION_DETECT_MS })
            : verdict<MinorityPausedDetails>("unknown", { reason: `no expectation written for ${mode}` }),
        "PRISMA-RABBIT-PART-OUTAGE": (e) => outage(e, { processes: ["amqp-publish"], maxOutageMs: PUBLISH_OUTAGE_MS }),
        "PRISMA-RABBIT-PART-FAILOVER": (e) => failedOver(e, { processes: ["amqp-publish", "amqp-consume"], away: [minority], withinMs: FAILOVER_MS }),
        "PRISMA-RABBIT-PART-HEAL": (e) =>
          convergedAfterHeal(e, { subject: { kind: "rabbit" }, subjects: data.map((host) => ({ kind: "rabbit", host })), predicate: rabbitConverged, withinMs: RECOVERY_MS }),
      },
      (v) => {
        const p = v["PRISMA-RABBIT-PART-PAUSE"].details;
        const m = v["PRISMA-RABBIT-PART-CONFIRMED"].details;
        return {
          consumerFailoverMs: v["PRISMA-RABBIT-PART-FAILOVER"].details.failoverMs?.["amqp-consume"],
          majorityAloneMs: p.majorityAfterMs,
          pausedForMs: p.pausedMs,
          duplicates: m.duplicates,
          confirmed: m.confirmed,
          consumed: m.delivered,
        };
      },
    );
    expectOutcome(summary);
  });
});
