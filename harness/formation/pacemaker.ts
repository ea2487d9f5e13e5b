import type { Host } from "../transport/host.ts";
import { waitFor } from "../wait/wait-for.ts";
import type { FormationContext } from "./context.ts";
import { renderCorosyncConf } from "./corosync-conf.ts";
import { CLUSTER_BOOT_SCRIPT, CLUSTER_STOP_SCRIPT, renderClusterBootScript, renderClusterStopScript } from "./pacemaker-boot.ts";
import { CLUSTER_PROPERTIES, RESOURCE_DEFAULTS } from "./pacemaker-cib.ts";
import { applyGroup, groupSpec } from "./pacemaker-resources.ts";
import { pacemakerStatus, type PacemakerStatus } from "../observe/pacemaker-status.ts";

/** How long the whole membership may take to form (measured: about 20 s). */
const MEMBERSHIP_TIMEOUT_MS = 120_000;
/** How long resources may take to reach their expected node. */
export const PLACEMENT_TIMEOUT_MS = 120_000;

/** The controllers, in topology order; throws if the topology has fewer than one. */
export function controllers(ctx: FormationContext): Host[] {
  const hs = ctx.hostsOf("controller");
  if (hs.length === 0) throw new Error(`topology ${ctx.topology.name} has no controller hosts`);
  return hs;
}

/** Waits until `host` sees every node in `names` online, a DC, and quorum; returns that status. */
export function waitForMembers(host: Host, names: readonly string[], timeoutMs = MEMBERSHIP_TIMEOUT_MS): Promise<PacemakerStatus> {
  return waitFor(
    `${host.name}: pacemaker sees ${names.join(", ")} online with quorum`,
    async () => {
      const s = await pacemakerStatus(host);
      return s.quorate && s.dc !== null && names.every((n) => s.online.includes(n)) ? s : false;
    },
    { timeoutMs, intervalMs: 1000 },
  );
}

/**
 * Waits until every resource in `expected` is started on exactly one node, one of its allowed
 * nodes, as `host` sees it. Any allowed node will do: with resource stickiness a group stays
 * where its first start succeeded, and the guide only requires an allowed node.
 */
export function waitForPlacement(host: Host, expected: Readonly<Record<string, readonly string[]>>, timeoutMs = PLACEMENT_TIMEOUT_MS): Promise<PacemakerStatus> {
  const want = Object.entries(expected);
  return waitFor(
    `${host.name}: ${want.map(([r, n]) => `${r}@${n.join("|")}`).join(", ")}`,
    async () => {
      const s = await pacemakerStatus(host);
      const wrong = want.filter(([r, n]) => !n.includes(s.placement[r] ?? "") || (s.runningOn[r]?.length ?? 0) !== 1);
      if (wrong.length) throw new Error(`not yet: ${wrong.map(([r]) => `${r}@${s.runningOn[r]?.join("+") || "stopped"}`).join(", ")}`);
      return s;
    },
    { timeoutMs, intervalMs: 1000 },
  );
}

/**
 * Forms the Corosync/Pacemaker cluster on all controllers: corosync.conf (knet, nodelist,
 * votequorum), boot.d/stop.d scripts (also used for this first start), waits for full membership,
 * sets properties and resource defaults, then defines g_controller with its VIP only (Keystone and
 * Glance runbooks add their members) and g_network in full, and waits for both VIPs on their
 * preferred nodes. Idempotent on a formed cluster.
 */
export async function formPacemaker(ctx: FormationContext): Promise<void> {
  const hosts = controllers(ctx);
  const conf = renderCorosyncConf({
    clusterName: ctx.topology.name,
    nodes: hosts.map((h, i) => ({ name: h.name, ip: h.ip, nodeid: i + 1 })),
    tokenMs: ctx.topology.tunables.corosyncTokenMs,
  });
  const t0 = performance.now();
  await Promise.all(
    hosts.map(async (h) => {
      await h.writeFile("/etc/corosync/corosync.conf", conf, 0o644);
      await h.writeFile(CLUSTER_BOOT_SCRIPT, renderClusterBootScript(), 0o755);
      await h.writeFile(CLUSTER_STOP_SCRIPT, renderClusterStopScript(), 0o755);
      await h.exec([CLUSTER_BOOT_SCRIPT], { timeoutMs: 90_000 });
    }),
  );
  const first = hosts[0]!;
  await waitForMembers(
    first,
    hosts.map((h) => h.name),
  );
  ctx.log(`pacemaker: ${hosts.length} nodes online with quorum after ${Math.round(performance.now() - t0)} ms`);
  await setCibAttributesOn(first);
  const expected: Record<string, readonly string[]> = {};
  for (const g of ctx.topology.groups) {
    const ids = await applyGroup(ctx, first, g.name, g.name === "g_controller" ? "vip" : undefined);
    for (const id of ids) expected[id] = groupSpec(ctx, g.name).allowed;
  }
  await waitForPlacement(first, expected);
  ctx.log(`pacemaker: ${Object.keys(expected).join(", ")} started after ${Math.round(performance.now() - t0)} ms`);
}

async function setCibAttributesOn(host: Host): Promise<void> {
  for (const [type, kv] of [
    ["crm_config", CLUSTER_PROPERTIES],
    ["rsc_defaults", RESOURCE_DEFAULTS],
  ] as const)
    for (const [name, value] of Object.entries(kv)) await host.exec(["crm_attribute", "--type", type, "--name", name, "--update", value], { timeoutMs: 30_000 });
}
