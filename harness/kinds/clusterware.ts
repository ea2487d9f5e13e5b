import type { ClusterwareTopology } from "../../topologies/clusterware-schema.ts";
import { formClusterware } from "../formation/clusterware/form.ts";
import { clusterwareHealthProblems, collectClusterwareHealth } from "../formation/clusterware/health.ts";
import { clusterwareStandIns } from "../formation/stand-ins.ts";
import type { TopologyKind } from "./kind.ts";

/** The clusterware active/passive kind (Oracle paper, reproduced with Pacemaker): one VIP per service. */
export const clusterwareKind: TopologyKind<ClusterwareTopology> = {
  name: "clusterware",
  form: (ctx, phases) => phases.run("clusterware formation", () => formClusterware(ctx)),
  collectHealth: collectClusterwareHealth,
  healthProblems: clusterwareHealthProblems,
  standIns: clusterwareStandIns,
  apiRoutes: { keystone: "keystoneVIP", glance: "glanceVIP" },
};
