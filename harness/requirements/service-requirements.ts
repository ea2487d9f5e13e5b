import * as F from "./bound-formulas.ts";
import { budget, derived, type Requirement } from "./requirement.ts";
import { GALERA_REJOIN_BUDGET } from "./data-requirements.ts";

const RABBIT = "PRISMA guide §RabbitMQ cluster with mirrored queues";
const GLUSTER = "PRISMA guide §GlusterFS replica 3 volume gfile";
const GALERA = "PRISMA guide §MySQL Galera cluster";
const CONFIRMED = "no confirmed message lost (duplicates counted)";
const RABBIT_REJOIN_BUDGET =
  "haproof's recovery budget, not a derived bound: neither the guide nor the tunables time a RabbitMQ node's restart and resync (15.5 s after a restart, 5.2 s after a heal measured); a site replaces it with its SLA";
const GLUSTER_HEAL_BUDGET =
  "haproof's recovery budget, not a derived bound: the self-heal daemon starts an index heal when the brick returns, and its duration depends on what changed (7.7 s measured); a site replaces it with its SLA";

/** Requirements of the messaging, storage and whole-host scenarios, plus the one every scenario reports. */
export const SERVICE_REQUIREMENTS = [
  // rabbit-node-loss: the RabbitMQ node holding the queue dies.
  {
    id: "PRISMA-RABBIT-CONFIRMED",
    scenario: "rabbit-node-loss",
    title: CONFIRMED,
    text: "every message the broker confirmed is consumed once the node is gone (ha-mode: all mirrors)",
    source: RABBIT,
  },
  {
    id: "PRISMA-RABBIT-OUTAGE",
    scenario: "rabbit-node-loss",
    title: "publisher outage within bound",
    text: "publishing through the surviving nodes is unavailable for at most {threshold}",
    metric: "publishOutageMs",
    ...derived(F.AMQP_NODE_LOSS),
    source: RABBIT,
  },
  {
    id: "PRISMA-RABBIT-FAILOVER",
    scenario: "rabbit-node-loss",
    title: "publisher and consumer failed over through the host list",
    text: "publisher and consumer reconnect through the host list to a surviving node within {threshold}",
    metric: "consumerFailoverMs",
    ...derived(F.AMQP_NODE_LOSS),
    source: RABBIT,
  },
  {
    id: "PRISMA-RABBIT-DB-UNAFFECTED",
    scenario: "rabbit-node-loss",
    title: "DB writes unaffected (the victim is a Galera backup)",
    text: "MySQL through the DB VIP, whose writer is another host, is unavailable for at most {threshold}",
    metric: "dbOutageMs",
    ...derived(F.BACKUP_LOSS_DB),
    source: GALERA,
  },
  {
    id: "PRISMA-RABBIT-DB-ACKED",
    scenario: "rabbit-node-loss",
    title: "no acknowledged DB write lost",
    text: "no acknowledged MySQL write is lost when the host's RabbitMQ node dies",
    source: GALERA,
  },
  {
    id: "PRISMA-RABBIT-REJOIN",
    scenario: "rabbit-node-loss",
    title: "the killed node rejoins: every node sees 3 running",
    text: "the killed RabbitMQ node is a running cluster member again within {threshold}",
    metric: "rejoinMs",
    ...budget(180_000, RABBIT_REJOIN_BUDGET),
    source: RABBIT,
  },

  // rabbit-partition: one RabbitMQ node is cut off from the other two.
  { id: "PRISMA-RABBIT-PART-CONFIRMED", scenario: "rabbit-partition", title: CONFIRMED, text: "no confirmed message is lost across the partition and its heal", source: RABBIT },
  {
    id: "PRISMA-RABBIT-PART-PAUSE",
    scenario: "rabbit-partition",
    title: "partition handling pause_minority: the minority pauses, the majority runs alone",
    text: "with pause_minority the cut-off node pauses and the other two run on, within {threshold} (net_ticktime detection)",
    metric: "minorityPausedMs",
    ...derived(F.RABBIT_MINORITY_PAUSE),
    source: RABBIT,
  },
  {
    id: "PRISMA-RABBIT-PART-OUTAGE",
    scenario: "rabbit-partition",
    title: "publisher outage within bound",
    text: "publishing is unavailable for at most {threshold}",
    metric: "publishOutageMs",
    ...derived(F.RABBIT_PARTITION_PUBLISH),
    source: RABBIT,
  },
  {
    id: "PRISMA-RABBIT-PART-FAILOVER",
    scenario: "rabbit-partition",
    title: "publisher and consumer moved to the majority",
    text: "publisher and consumer move to the majority within {threshold}",
    metric: "consumerFailoverMs",
    ...derived(F.RABBIT_PARTITION_PUBLISH),
    source: RABBIT,
  },
  {
    id: "PRISMA-RABBIT-PART-HEAL",
    scenario: "rabbit-partition",
    title: "every node sees 3 running after the heal",
    text: "after the heal every RabbitMQ node sees three running nodes within {threshold}",
    metric: "recoveryMs",
    ...budget(180_000, RABBIT_REJOIN_BUDGET),
    source: RABBIT,
  },

  // gluster-brick-loss: one Gluster brick host dies while Glance serves images.
  {
    id: "PRISMA-GLUSTER-IMAGES",
    scenario: "gluster-brick-loss",
    title: "Glance downloads keep the original checksum",
    text: "with one brick down, every image download keeps its checksum",
    source: GLUSTER,
  },
  {
    id: "PRISMA-GLUSTER-OUTAGE",
    scenario: "gluster-brick-loss",
    title: "Glance outage within bound",
    text: "Glance is unavailable for at most {threshold} (the client's ping-timeout) while a brick is down",
    metric: "glanceOutageMs",
    ...derived(F.GLUSTER_BRICK_GLANCE),
    source: GLUSTER,
  },
  { id: "PRISMA-GLUSTER-UPLOAD", scenario: "gluster-brick-loss", title: "a new image uploads while the brick is down", text: "a new image uploads to Glance while one brick is down", source: GLUSTER },
  {
    id: "PRISMA-GLUSTER-HEAL",
    scenario: "gluster-brick-loss",
    title: "self-heal completes after the server returns",
    text: "self-heal has no pending entries within {threshold} of the brick's server returning",
    metric: "healMs",
    ...budget(180_000, GLUSTER_HEAL_BUDGET),
    source: GLUSTER,
  },
  {
    id: "PRISMA-GLUSTER-REPLICAS",
    scenario: "gluster-brick-loss",
    title: "the new image's bytes are on every brick",
    text: "after the heal the image uploaded during the fault is on all three bricks, byte for byte",
    source: GLUSTER,
  },
  {
    id: "PRISMA-GLUSTER-NEW-IMAGE",
    scenario: "gluster-brick-loss",
    title: "the new image downloads intact after the heal",
    text: "the image uploaded during the fault downloads with its checksum after the heal",
    source: GLUSTER,
  },

  // vm-loss: a whole data host (Galera node and RabbitMQ node) dies.
  { id: "PRISMA-VM-ACKED-WRITES", scenario: "vm-loss", title: "no acknowledged DB write lost", text: "no acknowledged write is lost when a data host dies", source: GALERA },
  { id: "PRISMA-VM-CONFIRMED", scenario: "vm-loss", title: CONFIRMED, text: "no confirmed message is lost when a data host dies", source: RABBIT },
  {
    id: "PRISMA-VM-MYSQL-OUTAGE",
    scenario: "vm-loss",
    title: "DB outage through the VIP within bound",
    text: "MySQL through the DB VIP is unavailable for at most {threshold} when a data host dies",
    metric: "dbOutageMs",
    ...derived(F.WRITER_FAILOVER),
    source: GALERA,
  },
  {
    id: "PRISMA-VM-PUBLISH-OUTAGE",
    scenario: "vm-loss",
    title: "publisher outage within bound",
    text: "publishing is unavailable for at most {threshold} when a data host dies",
    metric: "publishOutageMs",
    ...derived(F.AMQP_NODE_LOSS),
    source: RABBIT,
  },
  {
    id: "PRISMA-VM-SURVIVORS",
    scenario: "vm-loss",
    title: "writes, publishes and deliveries served by surviving hosts",
    text: "writes, publishes and deliveries are served by the surviving hosts within the outage bounds",
    source: GALERA,
  },
  {
    id: "PRISMA-VM-GALERA-REJOIN",
    scenario: "vm-loss",
    title: "Galera back to 3 Synced nodes after the heal",
    text: "the data host is a Synced Galera node again within {threshold}",
    metric: "galeraRejoinMs",
    ...budget(240_000, GALERA_REJOIN_BUDGET),
    source: GALERA,
  },
  {
    id: "PRISMA-VM-RABBIT-REJOIN",
    scenario: "vm-loss",
    title: "RabbitMQ back to 3 running nodes after the heal",
    text: "the data host is a running RabbitMQ node again within {threshold}",
    metric: "rabbitRejoinMs",
    ...budget(240_000, RABBIT_REJOIN_BUDGET),
    source: RABBIT,
  },

  // Every scenario: ScenarioRun.finish adds this check.
  {
    id: "HAPROOF-RUNBOOK-COMPLETE",
    scenario: "*",
    title: "the runbook ran to the end",
    text: "the scenario's runbook ran to the end: a harness crash or a timed-out wait is never a pass",
    source: "haproof design §Checks are verdicts",
  },
  {
    id: "HAPROOF-METRICS-RECORDED",
    scenario: "*",
    title: "metrics recorded",
    text: "the run's metrics could be measured: a metrics function that throws leaves the run unknown, never a pass",
    source: "haproof design §Checks are verdicts",
    conditional: "ScenarioRun.finish reports it only when the metrics could not be measured",
  },
] as const satisfies readonly Requirement[];
