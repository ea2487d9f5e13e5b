export { loadTopology, validateTopology, TopologyError, TOPOLOGIES } from "./load.ts";
export { prisma } from "./prisma.ts";
export type { Topology, HostSpec, VipSpec, GroupSpec, Role } from "./schema.ts";
