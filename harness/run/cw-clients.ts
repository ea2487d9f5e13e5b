import { clusterwareEndpoints } from "../observe/index.ts";
import type { Site } from "../site/index.ts";
import type { History } from "../history/index.ts";
import type { ClusterwareTopology } from "../../topologies/index.ts";
import { startClientsVia, type ClientSpec, type Clients } from "./clients.ts";

/**
 * {@link startClients} for the clusterware kind: every client goes through its service's own VIP
 * (MySQL via mysqlVIP, RabbitMQ via rabbitmqVIP, ...), as the paper's clients do. Prepares the
 * table, a known image, then starts the probes recording into `history`.
 */
export async function startClusterwareClients(running: Site<ClusterwareTopology>, history: History, spec: ClientSpec): Promise<Clients> {
  const ep = clusterwareEndpoints(running);
  // One broker behind its VIP: the "host list" is the VIP alone, named after it. No Galera: no wsrep.
  const brokers = [{ name: ep.serviceVip.rabbitmq!, ip: ep.amqpHost }];
  return startClientsVia(running, history, { ...spec, wsrep: false }, { ...ep, brokers, queueArguments: {} });
}
