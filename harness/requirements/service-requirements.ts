import type { Requirement } from "./requirement.ts";

const RABBIT = "PRISMA guide §RabbitMQ cluster with mirrored queues";
const GLUSTER = "PRISMA guide §GlusterFS replica 3 volume gfile";
const GALERA = "PRISMA guide §MySQL Galera cluster";

/** Requirements of the messaging, storage and whole-host scenarios, plus the one every scenario reports. */
export const SERVICE_REQUIREMENTS: readonly Requirement[] = [
  // rabbit-node-loss: one RabbitMQ node dies.
  { id: "PRISMA-RABBIT-CONFIRMED", scenario: "rabbit-node-loss", check: "every confirmed message is consumed",
    text: "every message the broker confirmed is consumed once the node is gone (ha-mode: all mirrors)", source: RABBIT },
  { id: "PRISMA-RABBIT-OUTAGE", scenario: "rabbit-node-loss", check: "AMQP outage within bound",
    text: "publishing through the surviving nodes is unavailable for at most {threshold}", metric: "amqpOutageMs", thresholdMs: 30_000, source: RABBIT },
  { id: "PRISMA-RABBIT-REJOIN", scenario: "rabbit-node-loss", check: "the killed node rejoins the cluster",
    text: "the killed RabbitMQ node is a running cluster member again within {threshold}", metric: "rabbitRejoinMs", thresholdMs: 120_000, source: RABBIT },

  // rabbit-partition: one RabbitMQ node is cut off from the other two.
  { id: "PRISMA-RABBIT-PART-CONFIRMED", scenario: "rabbit-partition", check: "every confirmed message is consumed",
    text: "no confirmed message is lost across the partition and its heal", source: RABBIT },
  { id: "PRISMA-RABBIT-PART-HEAL", scenario: "rabbit-partition", check: "no partition remains after heal",
    text: "after the heal RabbitMQ reports no partition and three running nodes within {threshold}", metric: "rabbitHealMs", thresholdMs: 120_000, source: RABBIT },

  // gluster-brick-loss: one Gluster brick host dies while Glance serves images.
  { id: "PRISMA-GLUSTER-IMAGES", scenario: "gluster-brick-loss", check: "Glance downloads keep the original checksum",
    text: "with one brick down, every image download keeps its checksum", source: GLUSTER },
  { id: "PRISMA-GLUSTER-OUTAGE", scenario: "gluster-brick-loss", check: "Glance outage within bound",
    text: "Glance is unavailable for at most {threshold} (the client's ping-timeout) while a brick is down", metric: "glanceOutageMs", thresholdMs: 60_000, source: GLUSTER },
  { id: "PRISMA-GLUSTER-HEAL", scenario: "gluster-brick-loss", check: "the brick is back and healed",
    text: "the brick is online again and self-heal has no pending entries within {threshold}", metric: "glusterHealMs", thresholdMs: 300_000, source: GLUSTER },

  // vm-loss: a whole data host (Galera node and RabbitMQ node) dies.
  { id: "PRISMA-VM-MYSQL-OUTAGE", scenario: "vm-loss", check: "MySQL outage within bound",
    text: "MySQL through the DB VIP is unavailable for at most {threshold} when a data host dies", metric: "mysqlOutageMs", thresholdMs: 30_000, source: GALERA },
  { id: "PRISMA-VM-ACKED-WRITES", scenario: "vm-loss", check: "every acknowledged write is readable",
    text: "no acknowledged write is lost when a data host dies", source: GALERA },
  { id: "PRISMA-VM-CONFIRMED", scenario: "vm-loss", check: "every confirmed message is consumed",
    text: "no confirmed message is lost when a data host dies", source: RABBIT },
  { id: "PRISMA-VM-KEYSTONE", scenario: "vm-loss", check: "Keystone outage within bound",
    text: "Keystone is unavailable for at most {threshold} when a data host dies", metric: "keystoneOutageMs", thresholdMs: 60_000, source: "PRISMA guide §Keystone behind Controller_VIP" },
  { id: "PRISMA-VM-REJOIN", scenario: "vm-loss", check: "the data host rejoins Galera and RabbitMQ",
    text: "the data host is a Synced Galera node and a running RabbitMQ node again within {threshold}", metric: "vmRejoinMs", thresholdMs: 300_000, source: GALERA },

  // Every scenario: ScenarioRun.finish adds this check.
  { id: "HAPROOF-RUNBOOK-COMPLETE", scenario: "*", check: "the runbook ran to the end",
    text: "the scenario's runbook ran to the end: a harness crash or a timed-out wait is never a pass", source: "haproof design §Checks are verdicts" },
];
