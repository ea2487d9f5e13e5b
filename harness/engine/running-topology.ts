import type { Topology, VipSpec } from "../../topologies/schema.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";
import type { AddressPlan } from "./addressing.ts";
import { cleanByLabel, type CleanReport } from "./cleanup.ts";
import { docker } from "./docker.ts";
import type { DockerHost } from "./docker-host.ts";

/** A VIP of a running topology: its address plus the spec it was declared with. */
export interface RunningVip extends VipSpec {
  address: string;
}

/** Docker-level state of a host container. */
export type HostState = "running" | "paused" | "exited" | "created" | "restarting" | "dead" | "missing";

/**
 * A topology whose containers exist: typed accessors for hosts and VIPs, the engine-level
 * operations faults are built from (kill, start, stop, pause), and teardown by run label.
 */
export class RunningTopology<T extends BaseTopology = Topology> implements AsyncDisposable {
  private readonly byName: Map<string, DockerHost>;

  constructor(
    readonly runId: string,
    readonly topology: T,
    readonly network: string,
    readonly plan: AddressPlan,
    readonly hosts: readonly DockerHost[],
    readonly iface = "eth0",
  ) {
    this.byName = new Map(hosts.map((h) => [h.name, h]));
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

  /** Sends `signal` to the host's container (SIGKILL: the host dies at once). */
  async kill(name: string, signal = "SIGKILL"): Promise<void> {
    await docker().getContainer(this.host(name).containerId).kill({ signal });
  }

  /** Starts a stopped or killed host; its boot.d services come back as on a rebooted server. Idempotent. */
  async start(name: string): Promise<void> {
    const s = await this.state(name);
    if (s === "paused") await this.unpause(name);
    else if (s !== "running") await docker().getContainer(this.host(name).containerId).start();
  }

  /** Graceful stop: SIGTERM (stop.d scripts run), SIGKILL after `timeoutS`. */
  async stop(name: string, timeoutS = 30): Promise<void> {
    if ((await this.state(name)) === "running") await docker().getContainer(this.host(name).containerId).stop({ t: timeoutS });
  }

  /** Freezes every process of the host (cgroup freezer). */
  async pause(name: string): Promise<void> {
    await docker().getContainer(this.host(name).containerId).pause();
  }

  /** Thaws a paused host. Idempotent. */
  async unpause(name: string): Promise<void> {
    if ((await this.state(name)) === "paused") await docker().getContainer(this.host(name).containerId).unpause();
  }

  /** The host container's Docker state. */
  async state(name: string): Promise<HostState> {
    try {
      const i = await docker().getContainer(this.host(name).containerId).inspect();
      return i.State.Status as HostState;
    } catch {
      return "missing";
    }
  }

  /** The last `tail` lines of the container's output plus its boot log. */
  async logs(name: string, tail = 200): Promise<string> {
    const buf = await docker().getContainer(this.host(name).containerId).logs({ stdout: true, stderr: true, tail });
    return buf.toString();
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
