import type { Requirement } from "./requirement.ts";

const LB = "PRISMA guide §HAProxy and Keepalived";
const GALERA = "PRISMA guide §MySQL Galera cluster";
const KS = "PRISMA guide §Keystone behind Controller_VIP";

/** Requirements of the database scenarios (lb-failover, galera-node-loss, galera-partition, galera-deadlock). */
export const DATA_REQUIREMENTS: readonly Requirement[] = [
  // lb-failover: the load balancer holding the DB VIP dies.
  { id: "PRISMA-LB-VIP-MOVE", scenario: "lb-failover", check: "DB VIP moved to the other load balancer",
    text: "keepalived moves the DB VIP to the other load balancer within {threshold}", metric: "dbVipMoveMs", thresholdMs: 10_000, source: LB },
  { id: "PRISMA-LB-VIP-UNIQUE", scenario: "lb-failover", check: "DB VIP never on two hosts or a forbidden one",
    text: "the DB VIP is never held by two load balancers nor by any other host", source: LB },
  { id: "PRISMA-LB-MYSQL-OUTAGE", scenario: "lb-failover", check: "MySQL outage within bound",
    text: "MySQL through the DB VIP is unavailable for at most {threshold}", metric: "mysqlOutageMs", thresholdMs: 15_000, source: LB },
  { id: "PRISMA-LB-ACKED-WRITES", scenario: "lb-failover", check: "every acknowledged write is readable",
    text: "every write acknowledged through the DB VIP is readable afterwards", source: GALERA },

  // galera-node-loss: the Galera node HAProxy writes to dies.
  { id: "PRISMA-GALERA-WRITER-FAILOVER", scenario: "galera-node-loss", check: "MySQL outage within bound",
    text: "HAProxy sends writes to a backup Galera node: MySQL through the DB VIP is unavailable for at most {threshold}", metric: "mysqlOutageMs", thresholdMs: 30_000, source: LB },
  { id: "PRISMA-GALERA-ACKED-WRITES", scenario: "galera-node-loss", check: "every acknowledged write is readable",
    text: "no acknowledged write is lost when the writer node dies", source: GALERA },
  { id: "PRISMA-GALERA-PRIMARY", scenario: "galera-node-loss", check: "the two remaining nodes stay Primary",
    text: "the two remaining Galera nodes keep a Primary component (quorum 2 of 3)", source: GALERA },
  { id: "PRISMA-GALERA-REJOIN", scenario: "galera-node-loss", check: "the killed node rejoins and is Synced",
    text: "the killed Galera node rejoins (rsync SST or IST) and is Synced within {threshold}", metric: "galeraRejoinMs", thresholdMs: 300_000, source: GALERA },
  { id: "PRISMA-GALERA-KEYSTONE", scenario: "galera-node-loss", check: "Keystone outage within bound",
    text: "Keystone, which stores its data in Galera, is unavailable for at most {threshold}", metric: "keystoneOutageMs", thresholdMs: 60_000, source: KS },

  // galera-partition: one data host is cut off from the other two.
  { id: "PRISMA-GALERA-MINORITY", scenario: "galera-partition", check: "the isolated node goes non-Primary",
    text: "the isolated Galera node goes non-Primary and refuses writes within {threshold}", metric: "minorityNonPrimaryMs", thresholdMs: 30_000, source: GALERA },
  { id: "PRISMA-GALERA-MAJORITY", scenario: "galera-partition", check: "the majority stays Primary and accepts writes",
    text: "the two connected nodes stay Primary; MySQL through the DB VIP is unavailable for at most {threshold}", metric: "mysqlOutageMs", thresholdMs: 30_000, source: GALERA },
  { id: "PRISMA-GALERA-PART-ACKED", scenario: "galera-partition", check: "every acknowledged write is readable",
    text: "no acknowledged write is lost across the partition and its heal", source: GALERA },
  { id: "PRISMA-GALERA-PART-LOST-UPDATE", scenario: "galera-partition", check: "no lost update",
    text: "no read-modify-write update is lost across the partition", source: GALERA },
  { id: "PRISMA-GALERA-PART-HEAL", scenario: "galera-partition", check: "the cluster is whole again after heal",
    text: "after the heal the cluster has size 3, every node Synced, within {threshold}", metric: "galeraHealMs", thresholdMs: 120_000, source: GALERA },

  // galera-deadlock: the guide's single-writer setting against the multi-writer "before" state.
  { id: "PRISMA-GALERA-SINGLE-WRITER", scenario: "galera-deadlock", check: "no certification deadlocks with a single writer",
    text: "with HAProxy writing to one node (the others backup), concurrent updates see no ERROR 1213 certification failures", source: LB },
  { id: "PRISMA-GALERA-DEADLOCK-SURFACED", scenario: "galera-deadlock", check: "no lost update",
    text: "with writes spread over all nodes, certification failures surface as ERROR 1213 and no update is silently lost", source: GALERA },
];
