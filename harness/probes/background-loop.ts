import type { Probe } from "./probe.ts";

/**
 * The lifecycle every probe shares: start() runs `run()` in the background once; stop() clears
 * `running`, lets `beforeStop` interrupt a blocking wait, and resolves when `run()` has returned.
 */
export abstract class BackgroundLoop implements Probe {
  abstract readonly name: string;
  protected running = false;
  private loop?: Promise<void>;

  /** See {@link Probe.start}; idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** See {@link Probe.stop}; idempotent. */
  async stop(): Promise<void> {
    this.running = false;
    await this.beforeStop();
    await this.loop;
  }

  /** The loop body; must return soon after `running` turns false. */
  protected abstract run(): Promise<void>;

  /** Hook to unblock `run()` (e.g. close a connection it waits on). */
  protected async beforeStop(): Promise<void> {}
}
