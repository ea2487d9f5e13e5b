import type { ClusterwareTopology } from "./clusterware-schema.ts";
import type { Topology } from "./schema.ts";

/** What every topology kind has and the engine uses: name, network size, hosts, VIPs, mutations. */
export type BaseTopology = Pick<Topology, "name" | "description" | "prefixLength" | "hosts" | "vips" | "mutations"> & { kind?: string };

/** Any validated topology: PRISMA (no `kind`, or "prisma") or clusterware. */
export type AnyTopology = Topology | ClusterwareTopology;

/** Whether `t` is the clusterware kind (narrows the type). Pure. */
export function isClusterware(t: BaseTopology): t is ClusterwareTopology {
  return t.kind === "clusterware";
}
