/** A client or sampler that runs during a scenario and records into the history. */
export interface Probe {
  /** Process name recorded on its ops (e.g. "mysql"), or the sampler's subject prefix. */
  readonly name: string;
  /** Starts the loop in the background; returns at once. */
  start(): void;
  /** Stops after the op in flight completes (or times out); idempotent. */
  stop(): Promise<void>;
}

/** An operation failed before it could have taken effect (e.g. connection refused): recorded as `fail`. */
export class DefiniteFailure extends Error {
  constructor(
    message: string,
    readonly code?: string | number,
  ) {
    super(message);
    this.name = "DefiniteFailure";
  }
}
