import type { Topology } from "../../topologies/schema.ts";
import { mutated } from "../../topologies/mutations.ts";

/**
 * The servers that get a brick of the volume: every Gluster server (replica as the topology says),
 * or only the first under the `gluster-single-brick` mutation (a one-brick, non-replicated volume). Pure.
 */
export function brickServers<T>(topology: Topology, servers: readonly T[]): { servers: T[]; replica: number } {
  if (mutated(topology, "gluster-single-brick")) return { servers: servers.slice(0, 1), replica: 1 };
  return { servers: [...servers], replica: topology.gluster.replica };
}

/** How many bricks a healthy volume of `topology` has online. Pure. */
export function expectedBricks(topology: Topology): number {
  return mutated(topology, "gluster-single-brick") ? 1 : topology.gluster.replica;
}
