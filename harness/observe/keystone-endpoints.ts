import type { SiteView } from "../site/site-view.ts";

/** Ports of the controller APIs. */
export const API_PORTS = { keystone: 5000, glance: 9292 } as const;

/** The URLs clients and services use; everything goes through Controller_VIP. Pure given the site's VIP addresses. */
export interface KeystoneEndpoints {
  /** e.g. http://10.0.0.100:5000/v3/ (the catalog URL, also used for authentication). */
  identity: string;
  /** Base without path, e.g. http://10.0.0.100:5000. */
  keystoneBase: string;
  /** e.g. http://10.0.0.100:9292 (image service catalog URL). */
  image: string;
  /** The DB VIP address (HAProxy on the load balancers). */
  dbHost: string;
}

/** Computes the {@link KeystoneEndpoints} of a topology from its VIP addresses. Pure. */
export function keystoneEndpoints(site: Pick<SiteView, "vipAddress">): KeystoneEndpoints {
  const vip = site.vipAddress("controller");
  return {
    identity: `http://${vip}:${API_PORTS.keystone}/v3/`,
    keystoneBase: `http://${vip}:${API_PORTS.keystone}`,
    image: `http://${vip}:${API_PORTS.glance}`,
    dbHost: site.vipAddress("db"),
  };
}
