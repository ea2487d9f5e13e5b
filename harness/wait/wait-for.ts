import { setTimeout as delay } from "node:timers/promises";

/** A condition did not become true within its timeout. */
export class ConvergenceTimeoutError extends Error {
  constructor(
    readonly condition: string,
    readonly elapsedMs: number,
    readonly lastError?: string,
  ) {
    super(`timed out after ${elapsedMs} ms waiting for ${condition}${lastError ? ` (last: ${lastError})` : ""}`);
    this.name = "ConvergenceTimeoutError";
  }
}

/** Options for {@link waitFor}. */
export interface WaitOptions {
  timeoutMs: number;
  /** Poll period; default 500 ms. */
  intervalMs?: number;
  signal?: AbortSignal;
}

/**
 * Polls `probe` until it returns a value other than undefined/false, and returns that value.
 * A probe that throws counts as "not yet"; its last message goes into the timeout error.
 * Throws ConvergenceTimeoutError naming `condition` after `timeoutMs`.
 */
export async function waitFor<T>(condition: string, probe: () => Promise<T | undefined | false> | T | undefined | false, opts: WaitOptions): Promise<T> {
  const start = performance.now();
  const interval = opts.intervalMs ?? 500;
  let lastError: string | undefined;
  for (;;) {
    opts.signal?.throwIfAborted();
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
      lastError = undefined;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    const elapsed = performance.now() - start;
    if (elapsed >= opts.timeoutMs) throw new ConvergenceTimeoutError(condition, Math.round(elapsed), lastError);
    await delay(Math.min(interval, Math.max(0, opts.timeoutMs - elapsed)), undefined, { signal: opts.signal });
  }
}
