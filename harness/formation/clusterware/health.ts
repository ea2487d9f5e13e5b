import type { ClusterwareTopology } from "../../../topologies/clusterware-schema.ts";
import type { Site } from "../../site/index.ts";
import { apiCheck } from "../api-check.ts";
import { glusterStatus } from "../../observe/gluster-status.ts";
import type { Health } from "../health.ts";
import { pacemakerStatus } from "../../observe/pacemaker-status.ts";
import { vipHolders } from "../../observe/vip-holders.ts";
import { clusterwareCib } from "./cib.ts";
import { firstAnswer } from "../first-answer.ts";
import { clusterwareEndpoints, serviceVips } from "../../observe/clusterware-endpoints.ts";

/** A {@link Health} snapshot of a clusterware run: hosts, the VIPs Pacemaker manages, storage, cluster, APIs. Never throws for a down service. */
export async function collectClusterwareHealth(running: Site<ClusterwareTopology>): Promise<Health> {
  const nodes = running.hostsOf("cwnode");
  const vips = [...new Set(Object.values(serviceVips(running.topology)))];
  const [hosts, held, gluster, pacemaker, api] = await Promise.all([
    Promise.all(running.hosts.map(async (h) => ({ name: h.name, role: h.role, ip: h.ip, state: await running.power.state(h.name) }))),
    Promise.all(
      vips.map(async (v) => [v, { address: running.vipAddress(v), allowed: running.topology.vips.find((x) => x.name === v)?.allowed ?? [], holders: await vipHolders(running, v, nodes) }] as const),
    ),
    firstAnswer(running.hostsOf("gluster").map((h) => () => glusterStatus(h, running.topology.gluster.volume))),
    firstAnswer(nodes.map((h) => () => pacemakerStatus(h))),
    apiCheck(clusterwareEndpoints(running)),
  ]);
  return { hosts, vips: Object.fromEntries(held), galera: {}, lb: {}, rabbit: {}, gluster, pacemaker, api };
}

/**
 * Everything in `h` that differs from a healthy clusterware topology, one sentence each; empty
 * means healthy: every host running, each VIP on one node of its pool, all bricks online, every
 * node online with quorum, every chain member started once inside its pool, the APIs answering. Pure.
 */
export function clusterwareHealthProblems(t: ClusterwareTopology, h: Health): string[] {
  const p: string[] = [];
  for (const host of h.hosts) if (host.state !== "running") p.push(`${host.name} is ${host.state}`);
  for (const [name, v] of Object.entries(h.vips)) {
    if (v.holders.length !== 1) p.push(`VIP ${name} (${v.address}) held by ${v.holders.length ? v.holders.join(", ") : "nobody"}`);
    const stray = v.holders.filter((x) => !v.allowed.includes(x));
    if (stray.length) p.push(`VIP ${name} held by ${stray.join(", ")}, outside its pool ${v.allowed.join(", ")}`);
  }
  const bricks = h.gluster?.bricks ?? [];
  const want = t.mutations.includes("gluster-single-brick") ? 1 : t.gluster.replica;
  if (bricks.filter((b) => b.online).length !== want) p.push(`gluster: ${bricks.filter((b) => b.online).length} of ${want} bricks online`);
  const pm = h.pacemaker;
  if (!pm) p.push("pacemaker: no cluster node answers crm_mon");
  else {
    if (!pm.quorate) p.push(`pacemaker: ${pm.observer} has no quorum`);
    const off = t.hosts.filter((x) => x.role === "cwnode" && !pm.online.includes(x.name)).map((x) => x.name);
    if (off.length) p.push(`pacemaker: ${off.join(", ")} not online`);
    if (pm.failed.length) p.push(`pacemaker: failed resources ${pm.failed.join(", ")}`);
    const cib = clusterwareCib(t, { vipAddress: () => "0.0.0.0", prefixLength: t.prefixLength, iface: "eth0" });
    for (const g of cib.groups) {
      const pool = t.pools.find((x) => x.name === g.pool)?.nodes ?? [];
      for (const r of g.members) {
        const on = pm.runningOn[r] ?? [];
        if (on.length !== 1 || !pool.includes(on[0]!)) p.push(`pacemaker: ${r} runs on ${on.join(", ") || "no node"} (pool ${g.pool}: ${pool.join(", ")})`);
      }
    }
  }
  if (!h.api.token || !h.api.validated || h.api.images === null)
    p.push(`api: token ${h.api.token}, validated ${h.api.validated}, glance images ${h.api.images}${h.api.error ? ` (${h.api.error})` : ""}`);
  return p;
}
