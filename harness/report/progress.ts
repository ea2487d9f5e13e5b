import type { HistoryEvent } from "../history/event.ts";

/** Where progress goes: a stdout-like stream (isTTY and columns are read when present). */
export interface ProgressStream {
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** Options for {@link startProgress}. */
export interface ProgressOptions {
  /** Shown first on every line, e.g. the scenario name. */
  label?: string;
  /** Default process.stdout. */
  stream?: ProgressStream;
  /**
   * `tty`: one refreshing status line; `lines`: a line per phase (CI, pipes); `off`: nothing.
   * Default: HAPROOF_PROGRESS if set, else `tty` on a TTY outside CI, else `lines`.
   */
  mode?: "tty" | "lines" | "off";
  /** Refresh period on a TTY; default 250 ms. */
  intervalMs?: number;
}

/** A running progress display; see {@link startProgress}. */
export interface Progress {
  /** Sets the current phase; in `lines` mode prints it with the probe counts so far. */
  phase(name: string): void;
  /** Names the current fault; null returns to what the history says (its started, not yet healed faults). */
  fault(desc: string | null): void;
  /** Clears the status line, prints the final counts line, and gives the stream back. Idempotent. */
  stop(): void;
}

type Counts = { ok: number; fail: number; info: number };
const SPIN = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

function pickMode(stream: ProgressStream): "tty" | "lines" | "off" {
  const env = process.env.HAPROOF_PROGRESS;
  if (env === "tty" || env === "lines" || env === "off") return env;
  return stream.isTTY && !process.env.CI ? "tty" : "lines";
}

/**
 * Shows a run's progress from its live history: phase, current fault, and per-probe ok/fail/info counts.
 * On a TTY it redraws one status line and wraps `stream.write` so other output is printed above it; otherwise
 * it prints one line per phase. Reads the history only.
 */
export function startProgress(history: { events(): readonly HistoryEvent[] }, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stdout;
  const mode = opts.mode ?? pickMode(stream);
  const t0 = performance.now();
  const counts = new Map<string, Counts>();
  const faults = new Map<string, string>();
  let seen = 0,
    phaseName = "",
    manualFault: string | null = null,
    tick = 0,
    shown = false,
    stopped = false;

  const update = () => {
    const events = history.events();
    for (; seen < events.length; seen++) {
      const e = events[seen];
      if (e.kind === "op" && e.type !== "invoke") {
        const c = counts.get(e.process) ?? { ok: 0, fail: 0, info: 0 };
        c[e.type]++;
        counts.set(e.process, c);
      } else if (e.kind === "fault") {
        const key = `${e.fault}|${e.targets.join(",")}`;
        if (e.phase === "start") faults.set(key, `${e.fault} → ${e.targets.join(", ")}`);
        else if (e.phase === "healed" || e.phase === "failed") faults.delete(key);
      }
    }
  };
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
  const probes = (compact: boolean) =>
    [...counts].map(([p, c]) => (compact ? `${p} ${c.ok}✓ ${c.fail}✗${c.info ? ` ${c.info}?` : ""}` : `${p} ${c.ok} ok/${c.fail} fail${c.info ? `/${c.info} unknown` : ""}`)).join(", ");
  const faultText = () => manualFault ?? ([...faults.values()].join("; ") || "");
  const label = opts.label ? `${opts.label} ` : "";

  const original = stream.write.bind(stream) as ProgressStream["write"];
  const ownWrite = Object.getOwnPropertyDescriptor(stream, "write");
  const clear = () => {
    if (shown) original("\r\x1b[2K");
    shown = false;
  };
  const draw = () => {
    if (stopped) return;
    update();
    const parts = [`${SPIN[tick++ % SPIN.length]} ${label}${elapsed()}`, phaseName, faultText() && `fault: ${faultText()}`, probes(true)].filter(Boolean);
    let line = parts.join(" │ ");
    // A pseudo-terminal without a size reports 0 columns; fall back to a usual width then.
    const width = (stream.columns && stream.columns >= 20 ? stream.columns : 120) - 1;
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    original(`\r\x1b[2K${line}`);
    shown = true;
  };

  let timer: NodeJS.Timeout | undefined;
  if (mode === "tty") {
    // Other output (console.log) clears the status line first; a complete line gets the status redrawn under it.
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      clear();
      const r = original(chunk, ...rest);
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
      if (text.endsWith("\n")) draw();
      return r;
    }) as ProgressStream["write"];
    timer = setInterval(draw, opts.intervalMs ?? 250);
    timer.unref();
    draw();
  }

  const line = (text: string) => {
    update();
    const c = probes(false);
    original(`[${elapsed().padStart(7)}] ${label}${text}${c ? ` (${c})` : ""}\n`);
  };

  return {
    phase(name) {
      phaseName = name;
      if (mode === "lines") line(`▸ ${name}`);
      else if (mode === "tty") draw();
    },
    fault(desc) {
      manualFault = desc;
      if (mode === "tty") draw();
    },
    stop() {
      if (stopped) return;
      if (mode === "tty") {
        clearInterval(timer);
        clear();
        if (ownWrite) Object.defineProperty(stream, "write", ownWrite);
        else delete (stream as { write?: unknown }).write;
      }
      stopped = true;
      if (mode !== "off") line("■ clients stopped");
    },
  };
}
