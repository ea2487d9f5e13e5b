/** A power action did not finish within its bound (e.g. a `docker pause` caught in the dockerd/runc freeze deadlock). */
export class PowerTimeoutError extends Error {
  constructor(
    readonly host: string,
    readonly action: string,
    readonly timeoutMs: number,
    readonly inFlight: number,
  ) {
    super(`${action} ${host}: not done after ${timeoutMs} ms (${inFlight} exec(s) in flight on it)`);
    this.name = "PowerTimeoutError";
  }
}
