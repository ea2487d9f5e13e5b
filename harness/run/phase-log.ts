/** Prints phase lines with elapsed times; `run` times one phase and returns its result. */
export class PhaseLog {
  private readonly started = performance.now();
  readonly timings: Record<string, number> = {};

  constructor(private readonly out: (line: string) => void = (l) => console.log(l)) {}

  /** Prints one progress line, prefixed with seconds since start. */
  line(text: string): void {
    this.out(`[${this.elapsed().padStart(6)}s] ${text}`);
  }

  /** Runs `fn` as phase `name`, printing its start and its duration; records the duration in `timings` (ms). */
  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    this.line(`▶ ${name}`);
    const r = await fn();
    this.timings[name] = Math.round(performance.now() - t0);
    this.line(`✓ ${name} (${(this.timings[name] / 1000).toFixed(1)} s)`);
    return r;
  }

  private elapsed(): string {
    return ((performance.now() - this.started) / 1000).toFixed(1);
  }
}
