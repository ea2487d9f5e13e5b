import type { Topology, VipSpec } from "../../topologies/schema.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";
import type { AddressPlan } from "./addressing.ts";
import { cleanByLabel, type CleanReport } from "./cleanup.ts";
import { docker } from "./docker.ts";
import { DockerPower, type PowerState } from "../power/index.ts";
import type { DockerHost } from "../transport/index.ts";

/** A VIP of a running topology: its address plus the spec it was declared with. */
export interface RunningVip extends VipSpec {
  address: string;
}

/**
 * A topology whose containers exist, as a {@link Site}: typed accessors for hosts and VIPs, the
 * Docker power driver faults kill, stop and pause through, and teardown by run label.
 */
export class RunningTopology<T extends BaseTopology = Topology> implements AsyncDisposable {
  private readonly byName: Map<string, DockerHost>;
  /** Kills, stops, starts, pauses and thaws the containers; pauses wait for the host's execs in flight. */
  readonly power: DockerPower;

  constructor(
    readonly runId: string,
    readonly topology: T,
    readonly network: string,
    readonly plan: AddressPlan,
    readonly hosts: readonly DockerHost[],
    readonly iface = "eth0",
  ) {
    this.byName = new Map(hosts.map((h) => [h.name, h]));
    this.power = new DockerPower(hosts, docker());
  }

  /** The network gateway: the harness's clients reach the containers from it. */
  get harnessIp(): string {
    return this.plan.gateway;
  }

  /** The host named `name`; throws if the topology has none. */
  host(name: string): DockerHost {
    const h = this.byName.get(name);
    if (!h) throw new Error(`topology ${this.topology.name} has no host ${name}`);
    return h;
  }

  /** Hosts of `role` in topology order. */
  hostsOf(role: string): DockerHost[] {
    return this.hosts.filter((h) => h.role === role);
  }

  /** VIP `name` with its address; throws if undeclared. */
  vip(name: string): RunningVip {
    const spec = this.topology.vips.find((v) => v.name === name);
    if (!spec) throw new Error(`topology ${this.topology.name} has no VIP ${name}`);
    return { ...spec, address: this.plan.vips[name] };
  }

  /** The address of VIP `name`; throws if undeclared. */
  vipAddress(name: string): string {
    return this.vip(name).address;
  }

  /** Prefix length of the topology network (e.g. 24). */
  get prefixLength(): number {
    return Number(this.plan.subnet.split("/")[1]);
  }

  /** The host container's Docker state; same as `power.state(name)`. */
  async state(name: string): Promise<PowerState> {
    return this.power.state(name);
  }

  /** The last `tail` lines of the container's output plus its boot log. */
  async logs(name: string, tail = 200): Promise<string> {
    return this.host(name).logs(tail);
  }

  /** Removes every container, network and volume of this run. Idempotent. */
  async down(): Promise<CleanReport> {
    return cleanByLabel({ runId: this.runId });
  }

  /** Same as {@link down}; lets `await using` tear a topology down. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.down();
  }
}
