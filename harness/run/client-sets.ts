import type { KindName } from "../kinds/index.ts";
import type { Site } from "../site/index.ts";
import type { History } from "../history/index.ts";
import type { AnyTopology, ClusterwareTopology } from "../../topologies/index.ts";
import { startClients, type ClientSpec, type Clients } from "./clients.ts";
import { startClusterwareClients } from "./cw-clients.ts";

/** Starts a kind's client set on `running` (a topology of that kind), recording into `history`. */
export type ClientSet = (running: Site<AnyTopology>, history: History, spec: ClientSpec) => Promise<Clients>;

/** The client set of each topology kind: PRISMA's through Controller_VIP and the DB VIP, clusterware's through one VIP per service. */
export const CLIENT_SETS: Record<KindName, ClientSet> = {
  prisma: (running, history, spec) => startClients(running as Site, history, spec),
  clusterware: (running, history, spec) => startClusterwareClients(running as Site<ClusterwareTopology>, history, spec),
};
