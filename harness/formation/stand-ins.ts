import type { ClusterwareTopology } from "../../topologies/clusterware-schema.ts";
import type { Topology } from "../../topologies/schema.ts";

/** Printed in every report of a clusterware-kind run (reports list it with the stand-ins). */
export const CLUSTERWARE_NOTE =
  "Oracle Clusterware (proprietary, cannot run here) -> Pacemaker/Corosync reproducing its documented semantics (server pools, per-service VIPs, action scripts, VIP->data->service dependencies, CHECK_INTERVAL, RESTART_ATTEMPTS)";

/** Group members that formation runs as ocf:heartbeat:Dummy stand-ins instead of the real service. */
export const STAND_IN_MEMBERS: readonly string[] = ["neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"];

/** The stand-ins a PRISMA topology runs, each named with what stands in for it (for status and reports); pure. */
export function prismaStandIns(t: Topology): string[] {
  return t.groups.flatMap((g) => g.resources.filter((r) => STAND_IN_MEMBERS.includes(r)).map((r) => `${r} (ocf:heartbeat:Dummy stand-in)`));
}

/** The stand-ins a clusterware topology runs: Pacemaker for Clusterware, then each network agent; pure. */
export function clusterwareStandIns(t: ClusterwareTopology): string[] {
  return [CLUSTERWARE_NOTE, ...t.networkAgents.agents.map((r) => `${r} (ocf:heartbeat:Dummy stand-in)`)];
}
