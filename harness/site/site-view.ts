import type { Host } from "../transport/host.ts";
import type { Topology } from "../../topologies/schema.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";

/**
 * The read-only view of a running site that status readers need: its topology, its hosts and
 * its VIP addresses. Every Site, and a FormationContext, satisfy it.
 */
export interface SiteView<T extends BaseTopology = Topology> {
  readonly topology: T;
  /** Every host, in topology order. */
  readonly hosts: readonly Host[];
  /** The host named `name`; throws if the topology has none. */
  host(name: string): Host;
  /** Hosts of one role, in topology order. */
  hostsOf(role: string): Host[];
  /** The address of VIP `name` (e.g. "db", "controller"); throws if undeclared. */
  vipAddress(name: string): string;
}
