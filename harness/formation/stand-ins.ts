import type { Topology } from "../../topologies/schema.ts";

/** Group members that formation runs as ocf:heartbeat:Dummy stand-ins instead of the real service. */
export const STAND_IN_MEMBERS: readonly string[] = ["neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"];

/** The stand-ins a topology runs, each named with what stands in for it (for status and reports); pure. */
export function standIns(t: Topology): string[] {
  return t.groups.flatMap((g) => g.resources.filter((r) => STAND_IN_MEMBERS.includes(r)).map((r) => `${r} (ocf:heartbeat:Dummy stand-in)`));
}
