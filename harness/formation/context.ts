import type { Topology } from "../../topologies/schema.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";
import type { SiteView } from "../site/site-view.ts";

/** What a formation runbook is given: the validated topology, its running hosts and VIPs (a {@link SiteView}), and a logger. */
export interface FormationContext<T extends BaseTopology = Topology> extends SiteView<T> {
  /** Prefix length of the topology network (for IPaddr2 cidr_netmask, keepalived). */
  readonly prefixLength: number;
  /** Name of the network interface the hosts use on the topology network (e.g. "eth0"). */
  readonly iface: string;
  /** Prints one progress line for the current phase. */
  log(line: string): void;
}

/** A running site as seen by formation runbooks: its hosts, VIPs and network shape, printing through `log`. */
export function formationContext<T extends BaseTopology>(site: SiteView<T> & { readonly prefixLength: number; readonly iface: string }, log: (line: string) => void): FormationContext<T> {
  return {
    topology: site.topology,
    hosts: site.hosts,
    host: (n) => site.host(n),
    hostsOf: (r) => site.hostsOf(r),
    vipAddress: (n) => site.vipAddress(n),
    prefixLength: site.prefixLength,
    iface: site.iface,
    log,
  };
}
