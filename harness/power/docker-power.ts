import type Docker from "dockerode";
import type { DockerHost } from "../transport/index.ts";
import type { Power, PowerState } from "./power.ts";
import { PowerTimeoutError } from "./power-timeout-error.ts";

/**
 * Bound on a pause or unpause, waiting for the host's execs in flight included: longer than the
 * longest exec timeout the samplers use (60 s), so on a live host only a hung freeze reaches it.
 */
export const FREEZE_TIMEOUT_MS = 90_000;

/** {@link Power} over the site's containers: kill, stop, start, pause, unpause and inspect through dockerode. */
export class DockerPower implements Power {
  private readonly byName: Map<string, DockerHost>;

  constructor(
    hosts: readonly DockerHost[],
    private readonly client: Docker,
    private readonly freezeTimeoutMs = FREEZE_TIMEOUT_MS,
  ) {
    this.byName = new Map(hosts.map((h) => [h.name, h]));
  }

  /** SIGKILLs the host's container: the host dies at once. */
  async kill(host: string): Promise<void> {
    await this.container(host).kill({ signal: "SIGKILL" });
  }

  /** Graceful stop: SIGTERM (stop.d scripts run), SIGKILL after `timeoutS`; no-op unless running. */
  async stop(host: string, timeoutS = 30): Promise<void> {
    if ((await this.state(host)) === "running") await this.container(host).stop({ t: timeoutS });
  }

  /** Starts a stopped or killed container (its boot.d services come back), unpauses a paused one. Idempotent. */
  async start(host: string): Promise<void> {
    const s = await this.state(host);
    if (s === "paused") await this.unpause(host);
    else if (s !== "running") await this.container(host).start();
  }

  /**
   * Freezes the container once this host's execs in flight are done (new ones wait meanwhile: a
   * freeze during an exec's setup can deadlock dockerd/runc). Throws PowerTimeoutError after the bound.
   */
  async pause(host: string): Promise<void> {
    await this.frozen(host, "pause", () => this.container(host).pause());
  }

  /** Thaws a paused container, gated like {@link pause}; no-op unless paused. Idempotent. */
  async unpause(host: string): Promise<void> {
    if ((await this.state(host)) === "paused") await this.frozen(host, "unpause", () => this.container(host).unpause());
  }

  /** The container's Docker state, "missing" if it cannot be inspected. */
  async state(host: string): Promise<PowerState> {
    try {
      const i = await this.container(host).inspect();
      return i.State.Status as PowerState;
    } catch {
      return "missing";
    }
  }

  private async frozen(host: string, action: string, op: () => Promise<unknown>): Promise<void> {
    const h = this.host(host);
    const timeout = AbortSignal.timeout(this.freezeTimeoutMs);
    try {
      await h.gate.exclusive(op, timeout);
    } catch (e) {
      if (timeout.aborted && e === timeout.reason) throw new PowerTimeoutError(host, action, this.freezeTimeoutMs, h.gate.inFlight);
      throw e;
    }
  }

  private host(name: string): DockerHost {
    const h = this.byName.get(name);
    if (!h) throw new Error(`no container for host ${name}`);
    return h;
  }

  private container(name: string): Docker.Container {
    return this.client.getContainer(this.host(name).containerId);
  }
}
