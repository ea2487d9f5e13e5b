import { setTimeout as delay } from "node:timers/promises";
import type { History } from "../history/index.ts";
import { BackgroundLoop } from "./background-loop.ts";
import { DefiniteFailure } from "./probe.ts";

/** One operation a loop performs: `run` resolves on success (ok) and rejects on failure. */
export interface LoopOp {
  f: string;
  value?: unknown;
  /**
   * Resolves with what was read (recorded as the ok's value) and the serving host when known. `signal`
   * aborts when the op times out: release what the op holds (a connection) so its lane starts clean.
   */
  run(signal: AbortSignal): Promise<{ value?: unknown; host?: string } | void>;
}

/** Options for {@link OpLoop}. */
export interface OpLoopOptions {
  process: string;
  history: History;
  /** Operations started per second; default 10. */
  rateHz?: number;
  /** An op still pending after this is recorded `info` (indeterminate), and its lane freed: each probe kind states its own. */
  timeoutMs: number;
  /**
   * Ops in flight at once (lanes). 1 is the closed loop: one client, the next op waits for the last. Default:
   * enough lanes that an op hung until its timeout never delays the schedule (open loop).
   */
  maxInFlight?: number;
  /** Called once the ops in flight have completed at stop: release what the lanes hold (their connections). */
  onStop?: () => Promise<void> | void;
}

/** How late each op started against its schedule, in ms (for the probe-overhead bench). */
export interface JitterStats {
  count: number;
  meanMs: number;
  p99Ms: number;
  maxMs: number;
  /** Ops that waited for a free lane (all lanes in flight at their due time). */
  waitedForLane: number;
}

/** The lanes an open loop needs so that ops held to `timeoutMs` never delay one started every `periodMs`. */
export function openLoopLanes(timeoutMs: number, periodMs: number): number {
  return Math.ceil(timeoutMs / periodMs) + 1;
}

/**
 * Starts `next(i, lane)` every period on a free lane, up to `maxInFlight` at once (Jepsen's concurrent
 * clients; one lane is a single closed-loop client), recording invoke then ok / fail (DefiniteFailure) /
 * info (any other error or a timeout: the op may have taken effect). A lane is one client's state (its
 * connection); the lowest free lane is used, so a healthy service sees one client. Never throws;
 * stop() waits for the ops in flight.
 */
export class OpLoop extends BackgroundLoop {
  readonly name: string;
  private readonly lateness: number[] = [];
  private waited = 0;

  constructor(
    private readonly opts: OpLoopOptions,
    private readonly next: (i: number, lane: number) => LoopOp | Promise<LoopOp>,
  ) {
    super();
    this.name = opts.process;
  }

  /** Lateness of op starts against the schedule so far. */
  jitter(): JitterStats {
    const s = [...this.lateness].sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
    return { count: s.length, meanMs: mean, p99Ms: s[Math.floor(s.length * 0.99)] ?? 0, maxMs: s.at(-1) ?? 0, waitedForLane: this.waited };
  }

  protected async run(): Promise<void> {
    const period = 1000 / (this.opts.rateHz ?? 10);
    const lanes = this.opts.maxInFlight ?? openLoopLanes(this.opts.timeoutMs, period);
    const busy = new Map<number, Promise<void>>();
    let due = performance.now();
    for (let i = 0; this.running; i++) {
      const now = performance.now();
      if (now < due) await delay(due - now);
      if (!this.running) break;
      if (busy.size >= lanes) {
        this.waited++;
        await Promise.race(busy.values());
        if (!this.running) break;
      }
      let lane = 0;
      while (busy.has(lane)) lane++;
      this.lateness.push(Math.max(0, performance.now() - due));
      busy.set(
        lane,
        this.once(i, lane).finally(() => busy.delete(lane)),
      );
      // A late start pushes the schedule back rather than causing a burst of catch-up ops.
      due = Math.max(due + period, performance.now());
    }
    await Promise.all(busy.values());
    await this.opts.onStop?.();
  }

  private async once(i: number, lane: number): Promise<void> {
    const { process, history } = this.opts;
    let op: LoopOp;
    try {
      op = await this.next(i, lane);
    } catch (e) {
      history.phase(`${process}: could not prepare op`, "error", { error: String(e) });
      return;
    }
    const inv = history.op(process, op.f, "invoke", op.value === undefined ? {} : { value: op.value });
    const timeout = this.opts.timeoutMs;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    try {
      const expired = new Promise<never>((_, rej) => {
        timer = setTimeout(() => {
          rej(new Error(`timed out after ${timeout} ms`));
          abort.abort();
        }, timeout);
      });
      const r = await Promise.race([op.run(abort.signal), expired]);
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
