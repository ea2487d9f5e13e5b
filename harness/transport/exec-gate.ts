/**
 * A per-host gate between ordinary operations (execs), which run side by side, and exclusive ones
 * (pause, unpause), which wait for the ordinary ones in flight to finish and hold new ones back
 * until they are done. dockerd/runc can deadlock when a container is frozen while an exec into it
 * is being set up; the gate keeps the two apart.
 */
export class ExecGate {
  private running = 0;
  private drained: (() => void)[] = [];
  private closed: Promise<void> | undefined;

  /** Operations in flight now (for error messages and tests). */
  get inFlight(): number {
    return this.running;
  }

  /** Runs `op` once no exclusive operation is pending or running; returns its result. */
  async pass<T>(op: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.running++;
    try {
      return await op();
    } finally {
      if (--this.running === 0) for (const wake of this.drained.splice(0)) wake();
    }
  }

  /**
   * Takes the gate (after any exclusive operation before it), waits for the operations in flight
   * to finish, runs `op`, and reopens the gate. When `signal` aborts first, reopens at once and
   * rejects with its reason; `op` itself is not cancelled.
   */
  async exclusive<T>(op: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    while (this.closed) await untilAborted(this.closed, signal);
    let reopen!: () => void;
    this.closed = new Promise<void>((resolve) => (reopen = resolve));
    try {
      if (this.running > 0) await untilAborted(new Promise<void>((resolve) => this.drained.push(resolve)), signal);
      return await untilAborted(op(), signal);
    } finally {
      this.closed = undefined;
      reopen();
    }
  }
}

async function untilAborted<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([p, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
