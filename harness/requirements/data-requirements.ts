import * as F from "./bound-formulas.ts";
import { budget, derived, type Requirement } from "./requirement.ts";

const LB = "PRISMA guide §HAProxy and Keepalived";
const GALERA = "PRISMA guide §MySQL Galera cluster";
/** No timing of the guide or the topology bounds a rejoin: mysqld's start and an IST or rsync SST. */
export const GALERA_REJOIN_BUDGET =
  "haproof's recovery budget, not a derived bound: neither the guide nor the tunables time a node's mysqld start and IST/rsync SST (11.5 s measured); a site replaces it with its SLA";

/** Requirements of the database scenarios (lb-failover, galera-node-loss, galera-partition, galera-deadlock). */
export const DATA_REQUIREMENTS = [
  // lb-failover: the load balancer holding the DB VIP dies.
  {
    id: "PRISMA-LB-VIP-MOVE",
    scenario: "lb-failover",
    title: "DB VIP moved to the other load balancer",
    text: "keepalived moves the DB VIP to the other load balancer within {threshold}",
    metric: "dbVipMoveMs",
    ...derived(F.LB_VIP_MOVE),
    source: LB,
  },
  {
    id: "PRISMA-LB-VIP-UNIQUE",
    scenario: "lb-failover",
    title: "DB VIP never on two load balancers",
    text: "the DB VIP is never held by two load balancers nor by any other host (a handover seen in one sample is reported, not failed)",
    source: LB,
  },
  {
    id: "PRISMA-LB-MYSQL-OUTAGE",
    scenario: "lb-failover",
    title: "DB outage within bound",
    text: "MySQL through the DB VIP is unavailable for at most {threshold}",
    metric: "dbOutageMs",
    ...derived(F.LB_DB_OUTAGE),
    source: LB,
  },
  { id: "PRISMA-LB-ACKED-WRITES", scenario: "lb-failover", title: "no acknowledged write lost", text: "every write acknowledged through the DB VIP is readable afterwards", source: GALERA },

  // galera-node-loss: the Galera node HAProxy writes to dies.
  {
    id: "PRISMA-GALERA-WRITER-FAILOVER",
    scenario: "galera-node-loss",
    title: "DB outage within bound",
    text: "HAProxy sends writes to a backup Galera node: MySQL through the DB VIP is unavailable for at most {threshold}",
    metric: "dbOutageMs",
    ...derived(F.WRITER_FAILOVER),
    source: LB,
  },
  { id: "PRISMA-GALERA-ACKED-WRITES", scenario: "galera-node-loss", title: "no acknowledged write lost", text: "no acknowledged write is lost when the writer node dies", source: GALERA },
  { id: "PRISMA-GALERA-SAME-ROWS", scenario: "galera-node-loss", title: "every Galera node holds the same rows", text: "after the rejoin every Galera node holds the same rows", source: GALERA },
  {
    id: "PRISMA-GALERA-REJOIN",
    scenario: "galera-node-loss",
    title: "the killed node rejoins: all Synced, size 3",
    text: "the killed Galera node rejoins (rsync SST or IST): size 3, every node Synced, within {threshold}",
    metric: "rejoinMs",
    ...budget(180_000, GALERA_REJOIN_BUDGET),
    source: GALERA,
  },

  // galera-partition: one data host is cut off from the other two.
  {
    id: "PRISMA-GALERA-MINORITY",
    scenario: "galera-partition",
    title: "the isolated node goes non-Primary",
    text: "the isolated Galera node goes non-Primary within {threshold}",
    ...derived(F.GALERA_NON_PRIMARY),
    source: GALERA,
  },
  {
    id: "PRISMA-GALERA-MINORITY-NO-WRITE",
    scenario: "galera-partition",
    title: "the isolated node acknowledges no write while partitioned",
    text: "a client writing straight to the isolated node gets no write acknowledged while it is cut off",
    source: GALERA,
  },
  {
    id: "PRISMA-GALERA-MINORITY-NO-READ",
    scenario: "galera-partition",
    title: "the isolated node serves no read once non-Primary",
    text: "the isolated node refuses reads once non-Primary",
    source: GALERA,
  },
  {
    id: "PRISMA-GALERA-MAJORITY",
    scenario: "galera-partition",
    title: "DB outage through the VIP within bound",
    text: "the two connected nodes keep serving: MySQL through the DB VIP is unavailable for at most {threshold}",
    metric: "dbOutageMs",
    ...derived(F.PARTITION_DB_OUTAGE),
    source: GALERA,
  },
  { id: "PRISMA-GALERA-PART-ACKED", scenario: "galera-partition", title: "no acknowledged write lost", text: "no acknowledged write is lost across the partition and its heal", source: GALERA },
  { id: "PRISMA-GALERA-PART-SAME-ROWS", scenario: "galera-partition", title: "every Galera node holds the same rows", text: "after the heal every Galera node holds the same rows", source: GALERA },
  {
    id: "PRISMA-GALERA-PART-SAME-DIRECT",
    scenario: "galera-partition",
    title: "every Galera node holds the same direct-writer rows",
    text: "after the heal every Galera node holds the same rows written straight to the nodes",
    source: GALERA,
  },
  {
    id: "PRISMA-GALERA-PART-HEAL",
    scenario: "galera-partition",
    title: "the isolated node rejoins: all Synced, size 3",
    text: "after the heal the cluster has size 3, every node Synced, within {threshold}",
    metric: "rejoinMs",
    ...budget(180_000, GALERA_REJOIN_BUDGET),
    source: GALERA,
  },

  // galera-deadlock: the guide's single-writer setting against the multi-writer "before" state.
  {
    id: "PRISMA-GALERA-DEADLOCK-SURFACED",
    scenario: "galera-deadlock",
    title: "multi-writer: 1213 deadlocks observed",
    text: "with writes spread over all nodes, concurrent updates meet ERROR 1213 certification failures (the reason for the single writer)",
    source: GALERA,
  },
  {
    id: "PRISMA-GALERA-DEADLOCK-RETRIED",
    scenario: "galera-deadlock",
    title: "multi-writer: retried increments lose no update",
    text: "a client that retries on ERROR 1213 loses no update with writes spread over all nodes",
    source: GALERA,
  },
  {
    id: "PRISMA-GALERA-SINGLE-WRITER",
    scenario: "galera-deadlock",
    title: "single-writer: no 1213 deadlock",
    text: "with HAProxy writing to one node (the others backup), concurrent updates see no ERROR 1213",
    source: LB,
  },
  { id: "PRISMA-GALERA-SINGLE-NO-LOST", scenario: "galera-deadlock", title: "single-writer: increments lose no update", text: "with HAProxy writing to one node, no update is lost", source: LB },
] as const satisfies readonly Requirement[];
