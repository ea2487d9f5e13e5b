import { setTimeout as delay } from "node:timers/promises";
import type { Host, StreamHandle } from "../transport/index.ts";
import { RecordSplitter, type StreamRecord } from "./stream-records.ts";

/** A host's latest complete record, with when it arrived (`now()` clock, ms). */
export interface TimedRecord extends StreamRecord {
  atMs: number;
}

/** Options for {@link StreamedReader}. */
export interface StreamedReaderOptions {
  /** Wait before opening a host's stream again after it ended (or could not open); default 1000 ms. */
  restartMs?: number;
  /** Clock of the records' arrival; default performance.now. */
  now?: () => number;
}

/**
 * Keeps one {@link Host.stream} of `script` (a `streamLoop`) open per host while started, and the latest complete
 * record of each. A stream that ends (host killed or stopped, connection lost) or cannot open is opened again
 * after `restartMs`, for as long as the reader runs: the host may come back. Never throws.
 */
export class StreamedReader {
  private readonly records = new Map<string, TimedRecord>();
  private readonly handles = new Set<StreamHandle>();
  private loops: Promise<void>[] = [];
  private abort = new AbortController();
  private running = false;
  private firstSeen = new Set<string>();
  private firstWaiters: (() => void)[] = [];

  constructor(
    private readonly hosts: readonly Host[],
    private readonly script: string,
    private readonly o: StreamedReaderOptions = {},
  ) {}

  /** Opens every host's stream; idempotent while running. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.records.clear();
    this.firstSeen = new Set();
    this.loops = this.hosts.map((h) => this.keep(h));
  }

  /**
   * Resolves once every host has given its first record or seen its first stream end, or after `timeoutMs`:
   * what a sampler waits for so its first round is not all "no answer" merely because the streams just opened.
   */
  async firstRecords(timeoutMs: number): Promise<void> {
    if (this.firstSeen.size >= this.hosts.length) return;
    let wake!: () => void;
    const all = new Promise<void>((resolve) => (wake = resolve));
    this.firstWaiters.push(wake);
    await Promise.race([all, delay(timeoutMs, undefined, { signal: this.abort.signal }).catch(() => undefined)]);
  }

  /** Host `name`'s latest record's stdout when it is complete, exited 0 and at most `maxAgeMs` old; else null (no answer). */
  latest(name: string, maxAgeMs: number): string | null {
    const r = this.records.get(name);
    return r && r.exitCode === 0 && this.now() - r.atMs <= maxAgeMs ? r.stdout : null;
  }

  /** Host `name`'s latest complete record whatever its exit code and age (undefined: none since its stream opened). */
  record(name: string): TimedRecord | undefined {
    return this.records.get(name);
  }

  /** Stops every stream and the reopening; resolves when all have ended. Idempotent; start() may follow. */
  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await Promise.all([...this.handles].map((h) => h.stop().catch(() => undefined)));
    await Promise.all(this.loops);
    this.loops = [];
  }

  private now(): number {
    return this.o.now ? this.o.now() : performance.now();
  }

  private seen(name: string): void {
    if (this.firstSeen.has(name)) return;
    this.firstSeen.add(name);
    if (this.firstSeen.size >= this.hosts.length) for (const wake of this.firstWaiters.splice(0)) wake();
  }

  private async keep(h: Host): Promise<void> {
    while (this.running) {
      const splitter = new RecordSplitter();
      let live = true;
      const onStdout = (chunk: string) => {
        if (!live) return;
        for (const r of splitter.push(chunk)) this.records.set(h.name, { ...r, atMs: this.now() });
        if (this.records.has(h.name)) this.seen(h.name);
      };
      let handle: StreamHandle | undefined;
      try {
        handle = h.stream(this.script, onStdout);
        this.handles.add(handle);
        // A stop() that came while the stream was being opened.
        if (!this.running) await handle.stop();
        await handle.ended;
      } catch {
        // Host.stream never throws by contract; a host that does anyway is a stream that ended.
      }
      live = false;
      if (handle) this.handles.delete(handle);
      // Whatever it said last was said before its stream ended: since then the host has not answered.
      this.records.delete(h.name);
      this.seen(h.name);
      if (this.running) await delay(this.o.restartMs ?? 1000, undefined, { signal: this.abort.signal }).catch(() => undefined);
    }
  }
}
