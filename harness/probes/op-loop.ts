import { setTimeout as delay } from "node:timers/promises";
import type { History } from "../history/index.ts";
import { BackgroundLoop } from "./background-loop.ts";
import { DefiniteFailure } from "./probe.ts";

/** One operation a loop performs: `run` resolves on success (ok) and rejects on failure. */
export interface LoopOp {
  f: string;
  value?: unknown;
  /** Resolves with what was read (recorded as the ok's value) and the serving host when known. */
  run(): Promise<{ value?: unknown; host?: string } | void>;
}

/** Options for {@link OpLoop}. */
export interface OpLoopOptions {
  process: string;
  history: History;
  /** Operations per second; default 10. */
  rateHz?: number;
  /** An op still pending after this is recorded `info` (indeterminate); default 2000 ms. */
  timeoutMs?: number;
}

/** How late each op started against its schedule, in ms (for the probe-overhead bench). */
export interface JitterStats {
  count: number;
  meanMs: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Runs `next(i)` at a fixed rate, one op at a time (a single client, as in Jepsen), recording
 * invoke then ok / fail (DefiniteFailure) / info (any other error or a timeout: the op may
 * have taken effect). Never throws; stop() waits for the op in flight.
 */
export class OpLoop extends BackgroundLoop {
  readonly name: string;
  private readonly lateness: number[] = [];

  constructor(
    private readonly opts: OpLoopOptions,
    private readonly next: (i: number) => LoopOp | Promise<LoopOp>,
  ) {
    super();
    this.name = opts.process;
  }

  /** Lateness of op starts against the schedule so far. */
  jitter(): JitterStats {
    const s = [...this.lateness].sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
    return { count: s.length, meanMs: mean, p99Ms: s[Math.floor(s.length * 0.99)] ?? 0, maxMs: s.at(-1) ?? 0 };
  }

  protected async run(): Promise<void> {
    const period = 1000 / (this.opts.rateHz ?? 10);
    let due = performance.now();
    for (let i = 0; this.running; i++) {
      const now = performance.now();
      if (now < due) await delay(due - now);
      if (!this.running) break;
      this.lateness.push(Math.max(0, performance.now() - due));
      await this.once(i);
      // A slow op pushes the schedule back rather than causing a burst of catch-up ops.
      due = Math.max(due + period, performance.now());
    }
  }

  private async once(i: number): Promise<void> {
    const { process, history } = this.opts;
    let op: LoopOp;
    try {
      op = await this.next(i);
    } catch (e) {
      history.phase(`${process}: could not prepare op`, "error", { error: String(e) });
      return;
    }
    const inv = history.op(process, op.f, "invoke", op.value === undefined ? {} : { value: op.value });
    const timeout = this.opts.timeoutMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const r = await Promise.race([op.run(), new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`timed out after ${timeout} ms`)), timeout)))]);
      history.op(process, op.f, "ok", { id: inv.id, value: r?.value ?? op.value, ...(r?.host ? { host: r.host } : {}) });
    } catch (e) {
      const err = e as { code?: string | number; errno?: number; message?: string };
      const error = { code: err.code ?? err.errno, message: String(err.message ?? e).slice(0, 300) };
      history.op(process, op.f, e instanceof DefiniteFailure ? "fail" : "info", { id: inv.id, value: op.value, error });
    } finally {
      clearTimeout(timer);
    }
  }
}
