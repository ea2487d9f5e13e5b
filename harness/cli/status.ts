import type { RunningTopology } from "../engine/index.ts";
import type { AnyTopology } from "../../topologies/index.ts";
import { STAND_IN_MEMBERS, type Health } from "../formation/index.ts";
import { kindOf, prismaKind, type ApiRoutes } from "../kinds/index.ts";

/** Renders a {@link Health} snapshot as the text `haproof status` prints; pure. */
export function formatHealth(runId: string, subnet: string, h: Health, problems: string[], via: ApiRoutes = prismaKind.apiRoutes): string {
  const out: string[] = [`run ${runId}  network ${subnet}`, "", "hosts:"];
  for (const x of h.hosts) out.push(`  ${x.name.padEnd(14)} ${x.role.padEnd(11)} ${x.ip.padEnd(15)} ${x.state}`);
  out.push("", "VIPs:");
  for (const [n, v] of Object.entries(h.vips)) out.push(`  ${n.padEnd(12)} ${v.address.padEnd(15)} held by ${v.holders.join(", ") || "nobody"} (allowed: ${v.allowed.join(", ")})`);
  out.push("", "galera:");
  for (const [n, g] of Object.entries(h.galera)) out.push(`  ${n.padEnd(14)} size ${g.size}  ${g.status}  ${g.state}`);
  out.push("", "load balancers:");
  for (const [n, l] of Object.entries(h.lb)) out.push(`  ${n.padEnd(14)} haproxy ${l.haproxyUp ? "up" : "DOWN"}  vip ${l.holdsVip ? "held" : "-"}  writes to ${l.activeBackend ?? "-"}`);
  out.push("", "rabbitmq:");
  for (const [n, r] of Object.entries(h.rabbit)) out.push(`  ${n.padEnd(14)} running: ${r.running.join(", ") || "-"}${r.partitions.length ? `  PARTITIONS: ${r.partitions.join(", ")}` : ""}`);
  if (h.gluster) {
    out.push("", "glusterfs:");
    out.push(`  peers:  ${h.gluster.peers.map((p) => `${p.name}${p.connected ? "" : " (disconnected)"}`).join(", ") || "-"}`);
    out.push(`  bricks: ${h.gluster.bricks.map((b) => `${b.host}:${b.path} ${b.online ? "online" : "OFFLINE"}`).join(", ") || "-"}`);
  }
  if (h.pacemaker) {
    const pm = h.pacemaker;
    out.push("", `pacemaker (seen from ${pm.observer}, ${pm.quorate ? "quorate" : "NO QUORUM"}, online: ${pm.online.join(", ")}):`);
    for (const [r, on] of Object.entries(pm.runningOn)) out.push(`  ${r.padEnd(24)} ${on.join(", ") || "stopped"}${STAND_IN_MEMBERS.includes(r) ? "  [stand-in: ocf:heartbeat:Dummy]" : ""}`);
  }
  out.push("", `keystone token via ${via.keystone}: ${h.api.token ? "issued" : "NO"}${h.api.validated ? ", validated" : ""}`);
  out.push(`glance via ${via.glance}: ${h.api.images === null ? "NO ANSWER" : `${h.api.images} images listed`}`);
  out.push("", problems.length ? `NOT HEALTHY:\n${problems.map((p) => `  - ${p}`).join("\n")}` : "healthy");
  return out.join("\n");
}

/** Collects and prints the status of `running`; sets exit code 1 when not healthy. */
export async function printStatus(running: RunningTopology<AnyTopology>): Promise<void> {
  const kind = kindOf(running.topology);
  const h = await kind.collectHealth(running);
  const problems = kind.healthProblems(running.topology, h);
  console.log(formatHealth(running.runId, running.plan.subnet, h, problems, kind.apiRoutes));
  if (problems.length) process.exitCode = 1;
}
