import type { ClusterwareTopology } from "../../topologies/clusterware-schema.ts";
import { API_PORTS, type KeystoneEndpoints } from "./keystone-endpoints.ts";
import type { SiteView } from "../site/site-view.ts";

/** Where clients reach each clusterware service: one VIP per service (the paper). */
export interface ClusterwareEndpoints extends KeystoneEndpoints {
  /** The address RabbitMQ answers on (its own VIP; MySQL's under the `shared-vip` mutation). */
  amqpHost: string;
  /** Service -> VIP name it answers on. */
  serviceVip: Record<string, string>;
}

/**
 * Service -> the VIP it answers on: its chain's own VIP, except that under `shared-vip` RabbitMQ
 * answers on MySQL's (the formation puts it in MySQL's group when MySQL's chain comes first). Pure.
 */
export function serviceVips(t: ClusterwareTopology): Record<string, string> {
  const sharedVip = t.mutations.includes("shared-vip");
  const out: Record<string, string> = {};
  for (const c of t.chains) out[c.service] = sharedVip && c.service === "rabbitmq" && out.mysql !== undefined ? out.mysql : c.vip;
  return out;
}

/** The service addresses of a clusterware topology, from its VIPs. Pure given the site's VIP addresses. */
export function clusterwareEndpoints(site: Pick<SiteView<ClusterwareTopology>, "topology" | "vipAddress">): ClusterwareEndpoints {
  const serviceVip = serviceVips(site.topology);
  const at = (service: string) => site.vipAddress(serviceVip[service]!);
  return {
    identity: `http://${at("keystone")}:${API_PORTS.keystone}/v3/`,
    keystoneBase: `http://${at("keystone")}:${API_PORTS.keystone}`,
    image: `http://${at("glance")}:${API_PORTS.glance}`,
    dbHost: at("mysql"),
    amqpHost: at("rabbitmq"),
    serviceVip,
  };
}
