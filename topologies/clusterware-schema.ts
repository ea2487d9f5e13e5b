import { z } from "zod";
import { MutationSchema } from "./mutations.ts";
import { HostSchema, VipSchema } from "./schema.ts";

const hostName = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, "host names are lower-case DNS labels");

/** A server pool (the paper's controller_sp, network_sp): its resources never run outside it. */
export const PoolSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Cluster nodes of the pool, preferred first. */
  nodes: z.array(hostName).min(1),
});

/** Services that have action scripts (docker/cwnode/action-scripts/<service>). */
export const ChainServiceSchema = z.enum(["mysql", "rabbitmq", "keystone", "glance"]);

/**
 * One service chain: VIP -> data mount (optional) -> service, started in that order, stopped in
 * reverse and colocated (one Pacemaker group), placed in one pool.
 */
export const ChainSchema = z.object({
  service: ChainServiceSchema,
  pool: z.string(),
  /** Name of the VIP (in `vips`) the service answers on. */
  vip: z.string(),
  /** Mount point of the shared volume holding the service's data, mounted only where it runs. */
  dataMount: z
    .string()
    .regex(/^\/[a-z0-9/_-]+$/)
    .optional(),
});

/** Timings pinned in one place; defaults scaled for tests, the paper's values beside them. */
export const ClusterwareTunablesSchema = z.object({
  /** The paper's CHECK_INTERVAL (30 s there): the monitor interval of every resource. */
  checkIntervalS: z.number().int().min(1).max(600),
  /** The paper's RESTART_ATTEMPTS (2 there): in-place restarts before a relocation. */
  restartAttempts: z.number().int().min(0).max(20),
  /** Failures older than this are forgotten (like Clusterware's UPTIME_THRESHOLD reset). */
  failureTimeoutS: z.number().int().min(10).max(86400),
  corosyncTokenMs: z.number().int().min(500).max(60000),
  monitorTimeoutS: z.number().int().min(1).max(600),
  /** Start timeout of every service (Keystone/Glance Python start took 60-75 s under load). */
  startTimeoutS: z.number().int().min(10).max(900),
  keystoneProcesses: z.number().int().min(1).max(8),
  keystonePasswordHashRounds: z.number().int().min(4).max(31),
  glanceWorkers: z.number().int().min(1).max(8),
});

/** The Oracle Clusterware active/passive topology, reproduced on Pacemaker/Corosync. */
export const ClusterwareTopologySchema = z
  .object({
    kind: z.literal("clusterware"),
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    description: z.string(),
    prefixLength: z.number().int().min(16).max(26),
    hosts: z.array(HostSchema).min(1),
    vips: z.array(VipSchema),
    /** The shared storage: a GlusterFS volume on the `gluster` hosts. */
    gluster: z.object({ volume: z.string().regex(/^[a-z][a-z0-9_]*$/), replica: z.number().int().min(1).max(3) }),
    pools: z.array(PoolSchema).min(1),
    chains: z.array(ChainSchema).min(1),
    /** Neutron agents as ocf:heartbeat:Dummy stand-ins, one group in `pool`, preferred node first in the pool. */
    networkAgents: z.object({ pool: z.string(), agents: z.array(z.enum(["neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"])).min(1) }),
    tunables: ClusterwareTunablesSchema,
    mutations: z.array(MutationSchema).default([]),
  })
  .superRefine((t, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const names = new Set<string>();
    t.hosts.forEach((h, i) => {
      if (names.has(h.name)) issue(["hosts", i, "name"], `duplicate host ${h.name}`);
      names.add(h.name);
    });
    const nodes = new Set(t.hosts.filter((h) => h.role === "cwnode").map((h) => h.name));
    const pools = new Map(t.pools.map((p) => [p.name, p.nodes]));
    const vips = new Map(t.vips.map((v) => [v.name, v]));
    const seen = new Map<string, string>();
    t.pools.forEach((p, i) =>
      p.nodes.forEach((n, j) => {
        if (!nodes.has(n)) issue(["pools", i, "nodes", j], `${n} is not a cwnode host`);
        else if (seen.has(n)) issue(["pools", i, "nodes", j], `${n} is already in pool ${seen.get(n)}`);
        seen.set(n, p.name);
      }),
    );
    t.vips.forEach((v, i) => v.allowed.forEach((n, j) => !names.has(n) && issue(["vips", i, "allowed", j], `unknown host ${n}`)));
    const services = new Set<string>();
    t.chains.forEach((c, i) => {
      if (services.has(c.service)) issue(["chains", i, "service"], `duplicate chain ${c.service}`);
      services.add(c.service);
      const pool = pools.get(c.pool);
      if (!pool) issue(["chains", i, "pool"], `unknown pool ${c.pool}`);
      const vip = vips.get(c.vip);
      if (!vip) issue(["chains", i, "vip"], `unknown vip ${c.vip}`);
      else if (vip.manager !== "pacemaker") issue(["chains", i, "vip"], `vip ${c.vip} is not managed by pacemaker`);
      else if (pool && vip.allowed.join() !== pool.join()) issue(["chains", i, "vip"], `vip ${c.vip} allowed ${vip.allowed.join(", ")} differs from pool ${c.pool} (${pool.join(", ")})`);
    });
    // Dependencies between chains: Keystone needs MySQL; Glance needs MySQL, RabbitMQ and Keystone.
    const needs: Record<string, string[]> = { keystone: ["mysql"], glance: ["mysql", "rabbitmq", "keystone"] };
    t.chains.forEach((c, i) => {
      for (const d of needs[c.service] ?? []) if (!services.has(d)) issue(["chains", i, "service"], `${c.service} needs a ${d} chain`);
      if (["mysql", "rabbitmq", "glance"].includes(c.service) && !c.dataMount) issue(["chains", i, "dataMount"], `${c.service} keeps its data on shared storage: dataMount is required`);
      if (c.service === "keystone" && c.dataMount) issue(["chains", i, "dataMount"], "keystone has no data on shared storage");
    });
    const mounts = t.chains.map((c) => c.dataMount).filter(Boolean);
    if (new Set(mounts).size !== mounts.length) issue(["chains"], "two chains share one dataMount");
    if (!pools.has(t.networkAgents.pool)) issue(["networkAgents", "pool"], `unknown pool ${t.networkAgents.pool}`);
    const glusters = t.hosts.filter((h) => h.role === "gluster").length;
    if (t.gluster.replica > glusters) issue(["gluster", "replica"], `replica ${t.gluster.replica} needs ${t.gluster.replica} gluster hosts, have ${glusters}`);
  });

/** A validated clusterware topology. */
export type ClusterwareTopology = z.infer<typeof ClusterwareTopologySchema>;
/** One service chain of a clusterware topology. */
export type ChainSpec = z.infer<typeof ChainSchema>;
/** A chain's service name. */
export type ChainService = z.infer<typeof ChainServiceSchema>;
