export { bringUp, waitHealthy, HEALTHY_TIMEOUT_MS } from "./bring-up.ts";
export type { BringUpOptions } from "./bring-up.ts";
export { kindOf } from "./kind-of.ts";
export { prismaKind } from "./prisma.ts";
export { clusterwareKind } from "./clusterware.ts";
export type { TopologyKind, KindName, PhaseRunner, ApiRoutes } from "./kind.ts";
