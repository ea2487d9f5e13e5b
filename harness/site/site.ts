import type { BaseTopology } from "../../topologies/kinds.ts";
import type { Topology } from "../../topologies/schema.ts";
import type { Power } from "../power/index.ts";
import type { SiteView } from "./site-view.ts";

/**
 * A running site as faults, probes and observers see it: the topology it realises, its hosts (reached
 * through a transport), its VIPs and the power driver over its hosts. It does not say how the site was
 * reached (containers or a site file over SSH).
 */
export interface Site<T extends BaseTopology = Topology> extends SiteView<T> {
  /** Id of this run of the site (labels, report names). */
  readonly runId: string;
  /** Kills, stops, starts, pauses and thaws the site's hosts. */
  readonly power: Power;
  /** The network interface the hosts use on the topology network (e.g. "eth0"). */
  readonly iface: string;
  /** Prefix length of that network (e.g. 24), for VIP resources' netmask. */
  readonly prefixLength: number;
  /** The address the harness's own clients reach the hosts from (a partition that cuts the clients off drops it). */
  readonly harnessIp: string;
}
