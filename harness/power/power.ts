/** A host's power state as a driver reports it (Docker's container states; other drivers map onto them). */
export type PowerState = "running" | "paused" | "exited" | "created" | "restarting" | "dead" | "missing";

/**
 * Turns the hosts of a site off and on, by host name. Each method returns once the driver has
 * carried the request out; whether it took effect is for the fault to prove (it polls state()).
 */
export interface Power {
  /** Cuts the host's power at once (Docker: SIGKILL to the container); nothing on it may clean up. Not idempotent: may throw when already off. */
  kill(host: string): Promise<void>;
  /** Shuts the host down gracefully (its stop scripts run), forcing it off after `timeoutS`; no-op unless running. */
  stop(host: string, timeoutS?: number): Promise<void>;
  /** Powers a stopped or killed host on (its boot services come back as on a reboot), thaws a paused one; idempotent. */
  start(host: string): Promise<void>;
  /** Freezes every process of the host where it stands (Docker: the cgroup freezer). Not idempotent: may throw when already paused. */
  pause(host: string): Promise<void>;
  /** Thaws a paused host; no-op unless paused, so idempotent. */
  unpause(host: string): Promise<void>;
  /** The host's power state now; "missing" when the driver cannot find it. Read-only. */
  state(host: string): Promise<PowerState>;
}
