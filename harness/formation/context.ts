import type { Host } from "../transport/host.ts";
import type { Topology } from "../../topologies/schema.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";

/** What a formation runbook is given: the validated topology and its running hosts. */
export interface FormationContext<T extends BaseTopology = Topology> {
  readonly topology: T;
  /** Every host, in topology order. */
  readonly hosts: readonly Host[];
  /** The host named `name`; throws if the topology has none. */
  host(name: string): Host;
  /** Hosts of one role, in topology order. */
  hostsOf(role: string): Host[];
  /** The address of VIP `name` (e.g. "db", "controller"). */
  vipAddress(name: string): string;
  /** Prefix length of the topology network (for IPaddr2 cidr_netmask, keepalived). */
  readonly prefixLength: number;
  /** Name of the network interface the hosts use on the topology network (e.g. "eth0"). */
  readonly iface: string;
  /** Prints one progress line for the current phase. */
  log(line: string): void;
}
