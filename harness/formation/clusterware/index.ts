export { clusterwareCib, chainGroupId, dataResourceId, dataDevice, NETWORK_GROUP } from "./cib.ts";
export type { ClusterwareCib, CwGroup, CibAddressing } from "./cib.ts";
export { formClusterware, cwNodes, poolHosts } from "./form.ts";
export { collectClusterwareHealth, clusterwareHealthProblems } from "./health.ts";
export { RABBIT_ALIAS } from "./node-conf.ts";
