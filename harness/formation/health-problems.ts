import type { Topology } from "../../topologies/schema.ts";
import { builtGroup } from "../../topologies/mutations.ts";
import { expectedBricks } from "./gluster-layout.ts";
import type { Health } from "./health.ts";

/**
 * Everything in `h` that differs from a healthy, fully formed PRISMA topology, one sentence each;
 * empty means healthy. Pure: the verified-healthy gate of `up` and of every scenario.
 */
export function prismaHealthProblems(t: Topology, h: Health): string[] {
  const p: string[] = [];
  for (const host of h.hosts) if (host.state !== "running") p.push(`${host.name} is ${host.state}`);
  const data = t.hosts.filter((x) => x.role === "datahost").map((x) => x.name);
  for (const n of data) {
    const g = h.galera[n];
    if (!g || g.size !== data.length || g.status !== "Primary" || g.state !== "Synced")
      p.push(`galera ${n}: size ${g?.size ?? "?"}, ${g?.status ?? "?"}, ${g?.state ?? "?"} (want ${data.length}, Primary, Synced)`);
    const r = h.rabbit[n];
    if (!r || r.running.length !== data.length) p.push(`rabbitmq ${n}: ${r?.running.length ?? 0} running nodes (want ${data.length})`);
    if (r?.partitions.length) p.push(`rabbitmq ${n}: partitions ${r.partitions.join(", ")}`);
  }
  for (const [name, v] of Object.entries(h.vips)) {
    if (v.holders.length !== 1) p.push(`VIP ${name} (${v.address}) held by ${v.holders.length ? v.holders.join(", ") : "nobody"}`);
    const allowed = vipAllowedAsBuilt(t, name, v.allowed);
    const stray = v.holders.filter((x) => !allowed.includes(x));
    if (stray.length) p.push(`VIP ${name} held by ${stray.join(", ")}, not in allowed ${allowed.join(", ")}`);
  }
  if (t.hosts.some((x) => x.role === "gluster")) {
    const bricks = h.gluster?.bricks ?? [];
    const online = bricks.filter((b) => b.online).length;
    if (online !== expectedBricks(t)) p.push(`gluster: ${online} of ${expectedBricks(t)} bricks online`);
    for (const peer of h.gluster?.peers ?? []) if (!peer.connected) p.push(`gluster peer ${peer.name} disconnected`);
  }
  const controllers = t.hosts.filter((x) => x.role === "controller").map((x) => x.name);
  if (controllers.length) {
    const pm = h.pacemaker;
    if (!pm) p.push("pacemaker: no controller answers crm_mon");
    else {
      if (!pm.quorate) p.push(`pacemaker: ${pm.observer} has no quorum`);
      const off = controllers.filter((c) => !pm.online.includes(c));
      if (off.length) p.push(`pacemaker: ${off.join(", ")} not online`);
      if (pm.failed.length) p.push(`pacemaker: failed resources ${pm.failed.join(", ")}`);
      for (const g of t.groups.map((x) => builtGroup(t, x)))
        for (const r of g.resources) {
          const on = Object.entries(pm.runningOn).find(([id]) => id === r)?.[1] ?? [];
          if (on.length !== 1 || !g.allowed.includes(on[0])) p.push(`pacemaker: ${r} runs on ${on.join(", ") || "no node"} (allowed ${g.allowed.join(", ")})`);
        }
    }
    if (!h.api.token || !h.api.validated || h.api.images === null)
      p.push(`api: token ${h.api.token}, validated ${h.api.validated}, glance images ${h.api.images}${h.api.error ? ` (${h.api.error})` : ""}`);
  }
  return p;
}

/** Who may hold VIP `name` as the topology was built: a VIP of an unconstrained group may be on any of its nodes. */
function vipAllowedAsBuilt(t: Topology, name: string, allowed: readonly string[]): readonly string[] {
  const g = t.groups.find((x) => x.vip === name);
  return g ? builtGroup(t, { ...g, allowed }).allowed : allowed;
}
