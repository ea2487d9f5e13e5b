import { PINNED as P } from "./pinned-timings.ts";
import { fixed, spelled, sumOf, type BoundTerm, type TimingKind } from "./timing-bound.ts";

// Each formula is what the documented mechanism takes, term by term (tunables by name, pinned timings
// and budgets from pinned-timings.ts), plus a stated margin for load on the 2-core host. Its value under
// the default tunables is the fixed bound; under a run's own tunables, the "consistent with its own
// timings" bound. Where runs measured more than the mechanism's terms, the margin says what it covers.

const token = <K extends TimingKind>(): BoundTerm<K> => ({ what: "corosyncTokenMs (the lost node's token times out)", ms: (t) => t.corosyncTokenMs });
const consensus = <K extends TimingKind>(): BoundTerm<K> => ({
  what: "1.2 × corosyncTokenMs (consensus on the new membership)",
  ms: (t) => P.consensusPerToken * t.corosyncTokenMs,
});
const transition = <K extends TimingKind>() => fixed<K>(P.pcmkTransitionMs, "DC election and transition (budget)");
const ipStart = <K extends TimingKind>() => fixed<K>(P.ipStartMs, "IPaddr2 start (budget)");
const vipSample = <K extends TimingKind>() => fixed<K>(P.vipSampleMs, "VIP sampler round and exec (budget)");
const placementSample = <K extends TimingKind>() => fixed<K>(P.placementSampleMs, "placement sampler round and crm_mon (budget)");
const margin = <K extends TimingKind>(ms: number, covers = "load on the 2-core host") => fixed<K>(ms, `margin (${covers})`);
const pythonStart = <K extends TimingKind>(service: string) => fixed<K>(P.pythonStartMs, `${service} start (budget: the slowest Python start on record, 60-75 s under load)`);
const mysqlClient = spelled<"prisma">(P.mysqlClientMs, "2 s MySQL op timeout + 1.5 s connect");
const advert3: BoundTerm<"prisma"> = { what: "3 × keepalivedAdvertIntS (adverts missed: the master is down)", ms: (t) => 3_000 * t.keepalivedAdvertIntS };
const skew: BoundTerm<"prisma"> = { what: "keepalivedAdvertIntS (skew, (256 − priority)/256 of it at most)", ms: (t) => 1_000 * t.keepalivedAdvertIntS };
const amqpFailover = [
  spelled<"prisma">(P.amqpDeadMs, "2 × 5 s amqplib heartbeats (a silent broker is dead)"),
  spelled<"prisma">(2 * P.amqpConnectMs, "2 × 1.5 s connect (the dead broker, then the next)"),
  fixed<"prisma">(2_000, "a mirror promoted to queue master (budget)"),
  fixed<"prisma">(P.amqpPublishMs, "publish confirm timeout"),
];

/** A Pacemaker VIP (first in its group) after its node dies: node-loss's Controller_VIP, network-failover's Network_VIP. */
export const PCMK_VIP_AFTER_NODE_LOSS = sumOf("prisma", token(), consensus(), transition(), ipStart(), vipSample(), margin(12_000, "load; 10.4-10.5 s measured"));

/** Keystone after its controller dies: membership, then the group starts VIP -> Keystone. */
export const KEYSTONE_AFTER_NODE_LOSS = sumOf(
  "prisma",
  token(),
  consensus(),
  transition(),
  ipStart(),
  pythonStart("Keystone"),
  fixed(P.keystoneOpMs, "Keystone probe op timeout"),
  margin(10_000, "load; 12-27 s measured"),
);

/** Glance after its controller dies: the group starts VIP -> Keystone -> Glance, one after the other. */
export const GLANCE_AFTER_NODE_LOSS = sumOf(
  "prisma",
  token(),
  consensus(),
  transition(),
  ipStart(),
  pythonStart("Keystone"),
  pythonStart("Glance"),
  fixed(P.glanceOpMs, "Glance probe op timeout"),
  margin(10_000, "load; 43.6-76 s measured"),
);

/** Keystone killed and restarted in place: the monitor sees it, the later member Glance stops first, Keystone starts. */
export const KEYSTONE_RESTART_IN_PLACE = sumOf(
  "prisma",
  { what: "pacemakerMonitorIntervalS (the monitor sees it dead)", ms: (t) => 1_000 * t.pacemakerMonitorIntervalS },
  fixed(1_000, "the failing monitor's own run"),
  fixed(P.daemonStopMs, "Glance stopped first (the agent SIGKILLs after 20 s)"),
  pythonStart("Keystone"),
  fixed(P.keystoneOpMs, "Keystone probe op timeout"),
  margin(10_000, "load; 22.9 s in the scenario, 78.5 s in the short chaos run"),
);

/** A restarted controller is online in the cluster again. */
export const CONTROLLER_REJOIN = sumOf(
  "prisma",
  fixed(P.controllerBootMs, "container boot, corosync and Pacemaker start (budget; 16.5 s measured)"),
  token(),
  consensus(),
  placementSample(),
  margin(20_000),
);

/** The survivor of two lost controllers stops both groups: membership without quorum, then g_controller's tail in reverse. */
export const QUORUM_STOP = sumOf(
  "prisma",
  token(),
  consensus(),
  spelled(2 * P.daemonStopMs, "2 × 20 s stops: Glance, then Keystone (the agent's SIGTERM wait each)"),
  fixed(1_000, "IPaddr2 stop (budget)"),
  placementSample(),
  margin(5_000, "load; 9.0 s measured"),
);

/** Both groups run again once quorum is back: the controllers boot and join, then VIP -> Keystone -> Glance start. */
export const QUORUM_RECOVER = sumOf(
  "prisma",
  fixed(P.controllerBootMs, "container boot, corosync and Pacemaker start (budget)"),
  token(),
  consensus(),
  transition(),
  ipStart(),
  pythonStart("Keystone"),
  pythonStart("Glance"),
  placementSample(),
  margin(10_000, "load; 66.0 s measured"),
);

/** keepalived moves the DB VIP when its master dies. */
export const LB_VIP_MOVE = sumOf("prisma", advert3, skew, fixed(1_000, "VIP takeover: address and gratuitous ARP (budget)"), vipSample(), margin(4_000, "load; 4.5 s measured"));

/** MySQL through the DB VIP when its load balancer dies: the VIP moves, then the client reconnects. */
export const LB_DB_OUTAGE = sumOf("prisma", advert3, skew, fixed(1_000, "VIP takeover (budget)"), mysqlClient, margin(6_000, "load and the failback move; 2.7 s measured"));

/** MySQL through the DB VIP when the Galera writer dies: HAProxy marks it down while Galera evicts it, then the client reconnects. */
export const WRITER_FAILOVER = sumOf(
  "prisma",
  {
    what: "max(haproxyCheckFall × (haproxyCheckInterMs + 3 s check timeout): HAProxy marks the dead writer down, 5 s evs.suspect_timeout + 1 s view change: Galera evicts it)",
    ms: (t) => Math.max(t.haproxyCheckFall * (t.haproxyCheckInterMs + P.haproxyCheckTimeoutMs), P.galeraSuspectMs + 1_000),
  },
  mysqlClient,
  margin(8_000, "load; 6.1 s measured"),
);

/** MySQL through the DB VIP when a Galera backup dies: commits wait for its eviction; its rejoin may lock a donor. */
export const BACKUP_LOSS_DB = sumOf(
  "prisma",
  fixed(P.galeraSuspectMs, "evs.suspect_timeout (commits wait for the dead member)"),
  fixed(1_000, "view change"),
  fixed(5_000, "a donor's lock while the rejoin's rsync SST copies (budget; IST needs none)"),
  mysqlClient,
  margin(5_000, "load; 6.3 s measured"),
);

/** An isolated Galera node goes non-Primary (no metric: the bound is the runbook's wait). */
export const GALERA_NON_PRIMARY = sumOf(
  "prisma",
  fixed(P.galeraInactiveMs, "evs.inactive_timeout (alone, it declares its peers gone)"),
  fixed(1_000, "view change"),
  fixed(1_000, "a status query"),
  margin(13_000, "not measured separately: keeps the former 30 s"),
);

/** MySQL through the DB VIP when the writer is cut off: it goes non-Primary, its clustercheck answers 503, HAProxy moves on. */
export const PARTITION_DB_OUTAGE = sumOf(
  "prisma",
  fixed(P.galeraInactiveMs, "evs.inactive_timeout (the cut-off writer goes non-Primary)"),
  { what: "haproxyCheckFall × haproxyCheckInterMs (clustercheck answers 503 at once)", ms: (t) => t.haproxyCheckFall * t.haproxyCheckInterMs },
  mysqlClient,
  margin(8_000, "load; 8.1 s measured"),
);

/** Publisher and consumer reach a surviving broker after a RabbitMQ node dies (mirrored queue). */
export const AMQP_NODE_LOSS = sumOf("prisma", ...amqpFailover, margin(10_000, "load; 4.9 s publish outage, 0.15 s consumer failover measured"));

/** The cut-off RabbitMQ node pauses (pause_minority) and the samplers see it. */
export const RABBIT_MINORITY_PAUSE = sumOf(
  "prisma",
  spelled(P.netTickDownMs, "1.25 × 60 s net_ticktime (a silent peer is down)"),
  fixed(P.rabbitmqctlMs, "one rabbitmqctl call on the cut node (its timeout)"),
  margin(25_000, "load; 98-100 s measured"),
);

/** Publishing across a RabbitMQ partition: it stalls until net_ticktime, then the clients walk to the majority. */
export const RABBIT_PARTITION_PUBLISH = sumOf("prisma", spelled(P.netTickDownMs, "1.25 × 60 s net_ticktime (a silent peer is down)"), ...amqpFailover, margin(20_000, "load; 75.2 s measured"));

/** Glance while a Gluster brick is dead: a FUSE read stalls until network.ping-timeout. */
export const GLUSTER_BRICK_GLANCE = sumOf(
  "prisma",
  fixed(P.glusterPingTimeoutMs, "network.ping-timeout (GlusterFS default)"),
  fixed(P.glanceOpMs, "Glance probe op timeout"),
  margin(10_000, "load; 0 ms measured"),
);

/** mysqlVIP's gap when the clusterware relocates the MySQL chain: stop in reverse on the old node, start on the standby. */
export const CW_RELOCATION_VIP = sumOf(
  "clusterware",
  fixed(1_000, "mysqld stop, already dead (budget)"),
  fixed(5_000, "data unmount, GlusterFS FUSE (budget)"),
  fixed(1_000, "IPaddr2 stop (budget)"),
  transition(),
  ipStart(),
  vipSample(),
  margin(10_000, "load; 0.9-2.5 s measured"),
);

/**
 * A controller_sp VIP after the active controller dies: membership, then the chains start on the standby,
 * and under load Pacemaker throttles the node to one action at a time, so the last VIP (glanceVIP) waits
 * for the chains started ahead of it.
 */
export const CW_CONTROLLER_LOSS_VIP = sumOf(
  "clusterware",
  token(),
  consensus(),
  transition(),
  spelled(20_000, "MySQL's chain ahead: 5 s mount + 15 s InnoDB recovery (budget)"),
  spelled(20_000, "RabbitMQ's chain ahead: 5 s mount + 15 s boot (budget)"),
  pythonStart("Keystone"),
  ipStart(),
  vipSample(),
  margin(10_000, "load; 10-40 s measured, glanceVIP last"),
);

/** The network_sp agent stand-ins on the other node after theirs dies (timed from before the inject). */
export const CW_NETWORK_POOL = sumOf(
  "clusterware",
  fixed(2_000, "the kill and its proof (budget)"),
  token(),
  consensus(),
  transition(),
  spelled(3_000, "3 × 1 s Dummy starts, in group order (budget)"),
  fixed(1_000, "one crm_mon poll"),
  margin(15_000, "load; 11.3-11.6 s measured"),
);
