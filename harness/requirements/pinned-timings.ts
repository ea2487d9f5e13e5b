/**
 * Timings the bounds use that are not topology tunables: each is pinned once where it is configured
 * (or is the upstream default that formation leaves alone), and `pinned-timings.test.ts` keeps the
 * copies here in step with those files. Budgets are marked as such, with what they rest on.
 */
export const PINNED = {
  /** corosync.conf(5): totem.consensus defaults to 1.2 × token; corosync-conf.ts sets only the token. */
  consensusPerToken: 1.2,
  /** Galera evs.suspect_timeout default (galera-cnf.ts sets no wsrep_provider_options): a silent peer is evicted. */
  galeraSuspectMs: 5_000,
  /** Galera evs.inactive_timeout default: at the latest, a node cut off alone declares its peers gone (non-Primary). */
  galeraInactiveMs: 15_000,
  /** haproxy-cfg.ts `timeout check 3s`: one health check of a host that vanished takes this long to fail. */
  haproxyCheckTimeoutMs: 3_000,
  /** The MySQL probe (mysql-probe.ts, mysql-connection.ts): an op in flight fails at its 2 s timeout, then a 1.5 s connect. */
  mysqlClientMs: 2_000 + 1_500,
  /** amqplib (amqp-connection.ts, heartbeat 5 s): a silent broker's connection is dead after two missed heartbeats. */
  amqpDeadMs: 2 * 5_000,
  /** amqp-connection.ts connect timeout, per broker tried. */
  amqpConnectMs: 1_500,
  /** amqp-publisher.ts: a publish waits this long for its confirm. */
  amqpPublishMs: 3_000,
  /** Erlang/RabbitMQ net_ticktime (60 s default; rabbitmq-conf.ts leaves it): a silent peer is down after at most 1.25 × it. */
  netTickDownMs: 1.25 * 60_000,
  /** rabbitmq-status.ts: one `rabbitmqctl cluster_status` may take its whole 30 s timeout on a cut node. */
  rabbitmqctlMs: 30_000,
  /** GlusterFS network.ping-timeout default (42 s; PRISMA's gfile does not override it): a FUSE client stalls on a dead brick. */
  glusterPingTimeoutMs: 42_000,
  /** docker/controller/ocf/daemon stop: SIGTERM, then SIGKILL after 20 s. */
  daemonStopMs: 20_000,
  /** The probes' op timeouts (keystone-probe.ts 3 s, glance-probe.ts 5 s): an op in flight fails at it. */
  keystoneOpMs: 3_000,
  glanceOpMs: 5_000,
  /** The VIP sampler (cluster-samplers.ts): one 500 ms round late, plus its record's age (a 250 ms loop) and ip's latency under load. Budget. */
  vipSampleMs: 2_000,
  /** The placement sampler: one 1 s round late, plus its record's age (a 500 ms loop) and crm_mon's latency under load. Budget. */
  placementSampleMs: 2_000,
  /** DC election (when the DC died), the scheduler and the transition's dispatch. Budget (no timing pins it; well under 1 s unloaded). */
  pcmkTransitionMs: 3_000,
  /** IPaddr2 start: add the address, send gratuitous ARPs. Budget. */
  ipStartMs: 2_000,
  /**
   * One Python service start (Keystone under uwsgi, glance-api) until it answers: 60-75 s on a loaded
   * 2-core host, where a 90 s start timeout failed (commit 5486306, topologies/schema.ts); 10-25 s unloaded.
   * Budget: the slowest start on record.
   */
  pythonStartMs: 75_000,
  /** A restarted controller container boots and starts corosync and Pacemaker. Budget (16.5 s measured end to end, README). */
  controllerBootMs: 30_000,
} as const;
