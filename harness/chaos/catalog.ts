import { pick, sample, type Random } from "./prng.ts";
import type { FaultKind, Intensity, ProcessName, Target } from "./schedule.ts";

/** What the generator reads of a topology (a PRISMA-kind topology fits): hosts with roles, VIPs, Pacemaker groups. */
export interface ChaosTopology {
  name: string;
  hosts: readonly { name: string; role: string }[];
  vips: readonly { name: string; allowed: readonly string[] }[];
  groups: readonly { vip: string; resources: readonly string[] }[];
}

/** The role that runs each killable process; keystone and glance run only where their group's VIP is. */
export const PROCESS_ROLE: Record<ProcessName, string> = {
  mysqld: "datahost",
  rabbitmq: "datahost",
  haproxy: "lb",
  glusterfsd: "gluster",
  keystone: "controller",
  glance: "controller",
};

/** What a drawn target hits, plus the process for a `process` step. */
export interface Choice {
  target: Target;
  process?: ProcessName;
}

/** A way to draw a target (one node, the VIP holder, a Gluster brick...). */
export type Chooser = (rng: Random) => Choice;

/** Host names of `role`, in topology order; pure. */
export function hostsOf(topology: ChaosTopology, role: string): string[] {
  return topology.hosts.filter((h) => h.role === role).map((h) => h.name);
}

/** The role of the hosts allowed to hold VIP `vip`, or undefined for an unknown VIP; pure. */
export function vipRole(topology: ChaosTopology, vip: string): string | undefined {
  const first = topology.vips.find((v) => v.name === vip)?.allowed[0];
  return topology.hosts.find((h) => h.name === first)?.role;
}

/** The VIP of the Pacemaker group running `resource`, if any group runs it; pure. */
export function vipOfResource(topology: ChaosTopology, resource: string): string | undefined {
  return topology.groups.find((g) => g.resources.includes(resource))?.vip;
}

const explicit = (role: string, hosts: string[], label: string): Target => ({ pick: "hosts", role, hosts, label });
const holder = (topology: ChaosTopology, vip: string): Target => ({ pick: "vip-holder", role: vipRole(topology, vip)!, vip, label: `the ${vip} VIP holder` });
const writer: Target = { pick: "galera-writer", role: "datahost", label: "the Galera writer" };

/**
 * The ways `kind` may draw a target on `topology`; pure. Load balancers are never partitioned:
 * keepalived has no quorum, so two balancers that cannot hear each other both take the VIP by
 * design (a documented split brain, not a finding). `high` adds majorities of a group.
 */
export function choosersFor(kind: FaultKind, topology: ChaosTopology, intensity: Intensity): Chooser[] {
  const roles = [...new Set(topology.hosts.map((h) => h.role))];
  const has = (r: string) => roles.includes(r);
  const partitionable = (r: string) => kind !== "partition" || r !== "lb";
  const one =
    (r: string, label: string): Chooser =>
    (rng) => ({ target: explicit(r, [pick(rng, hostsOf(topology, r))], label) });
  const vips = topology.vips.map((v) => v.name).filter((v) => vipRole(topology, v) && partitionable(vipRole(topology, v)!));

  if (kind === "process") {
    const out: Chooser[] = [];
    if (has("datahost")) {
      out.push((rng) => ({ process: "mysqld", target: rng() < 0.5 ? writer : explicit("datahost", [pick(rng, hostsOf(topology, "datahost"))], "a Galera node") }));
      out.push((rng) => ({ process: "rabbitmq", target: explicit("datahost", [pick(rng, hostsOf(topology, "datahost"))], "a RabbitMQ node") }));
    }
    if (has("lb")) {
      const dbVip = vips.find((v) => vipRole(topology, v) === "lb");
      out.push((rng) => ({ process: "haproxy", target: dbVip && rng() < 0.5 ? holder(topology, dbVip) : explicit("lb", [pick(rng, hostsOf(topology, "lb"))], "a load balancer") }));
    }
    if (has("gluster")) out.push((rng) => ({ process: "glusterfsd", target: explicit("gluster", [pick(rng, hostsOf(topology, "gluster"))], "a Gluster brick") }));
    for (const p of ["keystone", "glance"] as const) {
      const vip = vipOfResource(topology, p);
      if (vip && vipRole(topology, vip) === "controller") out.push(() => ({ process: p, target: holder(topology, vip) }));
    }
    return out;
  }

  const out: Chooser[] = [];
  const anyRole = roles.filter(partitionable);
  if (anyRole.length) out.push((rng) => one(pick(rng, anyRole), "one node")(rng));
  for (const v of vips) out.push(() => ({ target: holder(topology, v) }));
  if (has("datahost")) out.push(() => ({ target: writer }), one("datahost", "a RabbitMQ node"));
  if (has("gluster")) out.push(one("gluster", "a Gluster brick"));
  if (has("controller")) out.push(one("controller", "a controller"));
  if (intensity === "high" && kind !== "netem") {
    const groups = roles.filter((r) => partitionable(r) && hostsOf(topology, r).length >= 2);
    if (groups.length)
      out.push((rng) => {
        const r = pick(rng, groups);
        const all = hostsOf(topology, r);
        return { target: explicit(r, sample(rng, all, Math.floor(all.length / 2) + 1), `a majority of the ${r} hosts`) };
      });
  }
  return out;
}
