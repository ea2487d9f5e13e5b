import type { ClusterwareTopology } from "../../../topologies/clusterware-schema.ts";
import type { FormationContext } from "../context.ts";
import { API_PORTS, type KeystoneEndpoints } from "../keystone-endpoints.ts";
import { clusterwareCib } from "./cib.ts";

/** Where clients reach each clusterware service: one VIP per service (the paper). */
export interface ClusterwareEndpoints extends KeystoneEndpoints {
  /** The address RabbitMQ answers on (its own VIP; MySQL's under the `shared-vip` mutation). */
  amqpHost: string;
  /** Service -> VIP name it answers on. */
  serviceVip: Record<string, string>;
}

/** The service addresses of a clusterware topology, from its VIPs. Pure given ctx. */
export function clusterwareEndpoints(ctx: Pick<FormationContext<ClusterwareTopology>, "topology" | "vipAddress" | "prefixLength" | "iface">): ClusterwareEndpoints {
  const { serviceVip } = clusterwareCib(ctx.topology, ctx);
  const at = (service: string) => ctx.vipAddress(serviceVip[service]!);
  return {
    identity: `http://${at("keystone")}:${API_PORTS.keystone}/v3/`,
    keystoneBase: `http://${at("keystone")}:${API_PORTS.keystone}`,
    image: `http://${at("glance")}:${API_PORTS.glance}`,
    dbHost: at("mysql"),
    amqpHost: at("rabbitmq"),
    serviceVip,
  };
}
