import { setTimeout as delay } from "node:timers/promises";
import type { History, Subject } from "../history/index.ts";
import { BackgroundLoop } from "./background-loop.ts";

/** Options for {@link Sampler}. */
export interface SamplerOptions {
  history: History;
  /** Name of the sampler (for logs). */
  name: string;
  /** Sampling period; default 500 ms. */
  periodMs?: number;
  /** Reads the current state; returns [subject, value] pairs to record, in order. A throw records nothing this round. */
  read: () => Promise<ReadonlyArray<readonly [Subject, unknown]>>;
  /** Runs before the first round (e.g. opens the streams `read` reads); awaited. A throw is ignored. */
  onStart?: () => Promise<void>;
  /** Runs after the last round, once stop() was asked (e.g. closes those streams); awaited. A throw is ignored. */
  onStop?: () => Promise<void>;
}

/** Records `sample` events of cluster state at a fixed period, one read at a time. Never throws. */
export class Sampler extends BackgroundLoop {
  readonly name: string;

  constructor(private readonly o: SamplerOptions) {
    super();
    this.name = o.name;
  }

  protected async run(): Promise<void> {
    const period = this.o.periodMs ?? 500;
    await this.o.onStart?.().catch(() => undefined);
    while (this.running) {
      const t0 = performance.now();
      try {
        for (const [subject, value] of await this.o.read()) this.o.history.sample(subject, value);
      } catch {
        // A failed read is a gap in the samples; checks treat gaps explicitly.
      }
      const wait = period - (performance.now() - t0);
      if (wait > 0 && this.running) await delay(wait);
    }
    await this.o.onStop?.().catch(() => undefined);
  }
}
