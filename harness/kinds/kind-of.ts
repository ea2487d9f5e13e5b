import { isClusterware, type AnyTopology } from "../../topologies/kinds.ts";
import { clusterwareKind } from "./clusterware.ts";
import type { TopologyKind } from "./kind.ts";
import { prismaKind } from "./prisma.ts";

/** The strategy of `t`'s kind; pass its methods `t` (or `t`'s running topology) only. Pure. */
export function kindOf<T extends AnyTopology>(t: T): TopologyKind<T> {
  // The guard picks the strategy; T is the same topology, so the strategy fits it.
  return (isClusterware(t) ? clusterwareKind : prismaKind) as unknown as TopologyKind<T>;
}
