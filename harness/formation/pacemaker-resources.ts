import { STAND_IN_MEMBERS } from "./stand-ins.ts";
import type { Host } from "../transport/host.ts";
import type { GroupSpec } from "../../topologies/schema.ts";
import { builtGroup, type BuiltGroup } from "../../topologies/mutations.ts";
import type { FormationContext } from "./context.ts";
import { renderGroup, renderLocations, vipResourceId, type PrimitiveSpec } from "./pacemaker-cib.ts";
import { keystoneUwsgiArgs } from "./keystone-conf.ts";
import { GLANCE_IMAGES_DIR } from "./glance-conf.ts";

/** Group member names the topology schema allows. */
export type GroupMember = GroupSpec["resources"][number];

const STAND_IN = "Stand-in: ocf:heartbeat:Dummy in place of the real Neutron agent";

/** The primitive of one group member (VIP, Keystone, Glance, or a Neutron stand-in). Pure given ctx. */
export function memberPrimitive(ctx: FormationContext, member: GroupMember | { vip: string }): PrimitiveSpec {
  const t = ctx.topology.tunables;
  const monitor = { intervalS: t.pacemakerMonitorIntervalS, timeoutS: t.pacemakerMonitorTimeoutS };
  if (typeof member === "object") {
    return {
      id: vipResourceId(member.vip),
      provider: "heartbeat",
      type: "IPaddr2",
      params: { ip: ctx.vipAddress(member.vip), cidr_netmask: String(ctx.prefixLength), nic: ctx.iface },
      monitor,
      startTimeoutS: 20,
      stopTimeoutS: 20,
    };
  }
  switch (member) {
    case "keystone":
      return { id: "keystone", provider: "haproof", type: "keystone", params: { args: keystoneUwsgiArgs(t.keystoneProcesses) }, monitor, startTimeoutS: t.pacemakerStartTimeoutS, stopTimeoutS: 60 };
    case "glance":
      return { id: "glance", provider: "haproof", type: "glance", params: { require_mount: GLANCE_IMAGES_DIR }, monitor, startTimeoutS: t.pacemakerStartTimeoutS, stopTimeoutS: 60 };
    default:
      if (!STAND_IN_MEMBERS.includes(member)) throw new Error(`no resource definition for ${member}`);
      return { id: member, provider: "heartbeat", type: "Dummy", params: {}, meta: { description: STAND_IN }, description: STAND_IN, monitor, startTimeoutS: 20, stopTimeoutS: 20 };
  }
}

/** The topology group named `name`; throws if absent. */
export function groupSpec(ctx: FormationContext, name: string): BuiltGroup<GroupSpec> {
  const g = ctx.topology.groups.find((x) => x.name === name);
  if (!g) throw new Error(`topology ${ctx.topology.name} has no group ${name}`);
  return builtGroup(ctx.topology, g);
}

/** Ids of the primitives of CIB group `name`, in order; empty if the group does not exist. Read-only. */
export async function groupMemberIds(host: Host, name: string): Promise<string[]> {
  const q = await host.exec(["cibadmin", "--query", "--xpath", `//resources/group[@id='${name}']`], { allowFail: true, timeoutMs: 30_000 });
  return q.exitCode === 0 ? [...q.stdout.matchAll(/<primitive\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!) : [];
}

/** Creates `xml` (an element with id `id`) in CIB section `scope`, or replaces it if present. Idempotent. */
export async function upsertCib(host: Host, scope: "resources" | "constraints", tag: string, id: string, xml: string): Promise<void> {
  const xpath = `//${scope}/${tag}[@id='${id}']`;
  const q = await host.exec(["cibadmin", "--query", "--xpath", xpath], { allowFail: true, timeoutMs: 30_000 });
  if (q.exitCode === 0) await host.exec(["cibadmin", "--replace", "--xpath", xpath, "--xml-text", xml], { timeoutMs: 30_000 });
  else await host.exec(["cibadmin", "--create", "--scope", scope, "--xml-text", xml], { timeoutMs: 30_000 });
}

/**
 * Defines group `name` with its VIP and the members up to and including `upTo` ("vip": the VIP
 * alone; omitted: all), plus its location constraints. Returns the member ids in order.
 * Re-applying an unchanged member does not restart it. Idempotent.
 */
export async function applyGroup(ctx: FormationContext, host: Host, name: string, upTo?: GroupMember | "vip"): Promise<string[]> {
  const g = groupSpec(ctx, name);
  const wanted = upTo === undefined ? g.resources.length : upTo === "vip" ? 0 : g.resources.indexOf(upTo) + 1;
  if (wanted === 0 && upTo !== "vip") throw new Error(`group ${name} has no member ${upTo}`);
  // Grow only: re-running an earlier runbook must not drop members a later one added.
  const present = await groupMemberIds(host, name);
  const end = Math.max(wanted, ...g.resources.map((m, i) => (present.includes(m) ? i + 1 : 0)));
  const members = [memberPrimitive(ctx, { vip: g.vip }), ...g.resources.slice(0, end).map((m) => memberPrimitive(ctx, m))];
  await upsertCib(host, "resources", "group", g.name, renderGroup(g.name, members));
  for (const loc of renderLocations(g)) await upsertCib(host, "constraints", "rsc_location", loc.id, loc.xml);
  ctx.log(`pacemaker: ${name} = ${members.map((m) => m.id).join(", ")}`);
  return members.map((m) => m.id);
}
