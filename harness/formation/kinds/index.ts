export { kindOf } from "./kind-of.ts";
export { prismaKind } from "./prisma.ts";
export { clusterwareKind } from "./clusterware.ts";
export type { TopologyKind, KindName, PhaseRunner, ApiRoutes } from "./kind.ts";
