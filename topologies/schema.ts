import { z } from "zod";
import { MutationSchema } from "./mutations.ts";

const hostName = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, "host names are lower-case DNS labels");

/** Roles a host can play; each maps to one image under docker/. */
export const RoleSchema = z.enum(["datahost", "lb", "gluster", "controller", "cwnode"]);

/** One host (container) of the topology. */
export const HostSchema = z.object({
  name: hostName,
  role: RoleSchema,
});

/** A virtual IP: which hosts may hold it and who manages it. */
export const VipSchema = z.object({
  /** e.g. "db" (PRISMA) or "mysqlVIP" (the clusterware paper's names). */
  name: z.string().regex(/^[a-z][A-Za-z0-9-]*$/),
  /** keepalived (VRRP between load balancers) or pacemaker (IPaddr2 resource). */
  manager: z.enum(["keepalived", "pacemaker"]),
  /** Hosts allowed to hold it; any other holder is a violation. */
  allowed: z.array(hostName).min(1),
  /** Ports served behind it, for probes and status. */
  ports: z.record(z.string(), z.number().int().min(1).max(65535)),
});

/** A Pacemaker resource group, placed by location constraints. */
export const GroupSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  vip: z.string(),
  /** Members after the VIP, in start order. */
  resources: z.array(z.enum(["keystone", "glance", "neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"])).min(1),
  /** Preferred host first; the group may run on any of these. */
  allowed: z.array(hostName).min(1),
  /** Hosts with a -INFINITY location constraint. */
  forbidden: z.array(hostName),
});

/** Timings pinned in one place; defaults follow the PRISMA guide scaled for tests. */
export const TunablesSchema = z.object({
  corosyncTokenMs: z.number().int().min(500).max(60000),
  keepalivedAdvertIntS: z.number().int().min(1).max(255),
  haproxyCheckInterMs: z.number().int().min(100).max(60000),
  haproxyCheckFall: z.number().int().min(1).max(20),
  haproxyCheckRise: z.number().int().min(1).max(20),
  pacemakerMonitorIntervalS: z.number().int().min(1).max(600),
  pacemakerMonitorTimeoutS: z.number().int().min(1).max(600),
  /** Start timeout of Keystone and Glance: their Python start took 60-75 s on a 2-core host under load. */
  pacemakerStartTimeoutS: z.number().int().min(10).max(900),
  keystoneProcesses: z.number().int().min(1).max(8),
  /** bcrypt rounds for Keystone passwords (Keystone's default is 12; 4 keeps token issue cheap in tests). */
  keystonePasswordHashRounds: z.number().int().min(4).max(31),
  glanceWorkers: z.number().int().min(1).max(8),
});

/** A whole topology, as data. */
export const TopologySchema = z
  .object({
    /** Topology kind; absent means "prisma" (topologies/clusterware-schema.ts has the other kind). */
    kind: z.literal("prisma").optional(),
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    description: z.string(),
    /** Prefix length of the network the harness creates for this run. */
    prefixLength: z.number().int().min(16).max(26),
    hosts: z.array(HostSchema).min(1),
    vips: z.array(VipSchema),
    galera: z.object({
      /** `single-writer`: HAProxy sends to `writer`, the others are backup (the guide). `multi-writer`: roundrobin to all. */
      mode: z.enum(["single-writer", "multi-writer"]),
      writer: hostName,
      sst: z.literal("rsync"),
    }),
    rabbitmq: z.object({
      queues: z.enum(["mirrored", "quorum"]),
      partitionHandling: z.enum(["pause_minority", "autoheal", "ignore"]),
    }),
    gluster: z.object({ volume: z.string().regex(/^[a-z][a-z0-9_]*$/), replica: z.number().int().min(1).max(3) }),
    groups: z.array(GroupSchema),
    tunables: TunablesSchema,
    /** Deliberate misconfigurations for negative controls (topologies/mutations.ts); empty in real use. */
    mutations: z.array(MutationSchema).default([]),
  })
  .superRefine((t, ctx) => {
    const names = new Set<string>();
    t.hosts.forEach((h, i) => {
      if (names.has(h.name)) ctx.addIssue({ code: "custom", path: ["hosts", i, "name"], message: `duplicate host ${h.name}` });
      names.add(h.name);
    });
    const vipNames = new Set(t.vips.map((v) => v.name));
    const unknown = (path: (string | number)[], n: string) => !names.has(n) && ctx.addIssue({ code: "custom", path, message: `unknown host ${n}` });
    t.vips.forEach((v, i) => v.allowed.forEach((n, j) => unknown(["vips", i, "allowed", j], n)));
    t.groups.forEach((g, i) => {
      if (!vipNames.has(g.vip)) ctx.addIssue({ code: "custom", path: ["groups", i, "vip"], message: `unknown vip ${g.vip}` });
      g.allowed.forEach((n, j) => unknown(["groups", i, "allowed", j], n));
      g.forbidden.forEach((n, j) => unknown(["groups", i, "forbidden", j], n));
      const both = g.allowed.filter((n) => g.forbidden.includes(n));
      if (both.length) ctx.addIssue({ code: "custom", path: ["groups", i, "forbidden"], message: `both allowed and forbidden: ${both.join(", ")}` });
    });
    unknown(["galera", "writer"], t.galera.writer);
    const datahosts = t.hosts.filter((h) => h.role === "datahost").map((h) => h.name);
    if (names.has(t.galera.writer) && !datahosts.includes(t.galera.writer)) ctx.addIssue({ code: "custom", path: ["galera", "writer"], message: `${t.galera.writer} is not a datahost` });
    const glusters = t.hosts.filter((h) => h.role === "gluster").length;
    if (glusters > 0 && t.gluster.replica > glusters)
      ctx.addIssue({ code: "custom", path: ["gluster", "replica"], message: `replica ${t.gluster.replica} needs ${t.gluster.replica} gluster hosts, have ${glusters}` });
  });

/** A validated topology. */
export type Topology = z.infer<typeof TopologySchema>;
/** A topology host. */
export type HostSpec = z.infer<typeof HostSchema>;
/** A topology VIP. */
export type VipSpec = z.infer<typeof VipSchema>;
/** A Pacemaker group spec. */
export type GroupSpec = z.infer<typeof GroupSchema>;
/** Host roles. */
export type Role = z.infer<typeof RoleSchema>;
