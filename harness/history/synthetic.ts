import { msToNs } from "./clock.ts";
import type { FaultEvent, HistoryEvent, OpEvent, PhaseEvent } from "./event.ts";
import { History } from "./history.ts";
import { subjectKey, type Subject } from "./subject.ts";

// Far from zero so negative offsets and bigint maths are exercised like a real hrtime.
const BASE_NS = 5_000_000_000_000n;
const BASE_WALL = Date.parse("2025-01-01T00:00:00.000Z");

/** Options for a synthetic op. */
export interface SyntheticOp {
  value?: unknown;
  error?: OpEvent["error"];
  host?: string;
  id?: number;
  /** Completion time after the invoke, in ms; default 0. */
  latencyMs?: number;
}

/** A test builder of histories on a virtual clock: `at(ms)` sets the time of the next events. */
export class SyntheticHistory {
  readonly #h = new History();
  readonly #open = new Map<string, { id: number; f: string }[]>();
  #now = 0;

  /** Sets the virtual clock to `ms` after the history start; returns this. */
  at(ms: number): this {
    this.#now = ms;
    return this;
  }

  /** Records an invoke at the current time and keeps it open for {@link complete}; returns this. */
  invoke(process: string, f: string, opts: SyntheticOp = {}): this {
    const e = this.#h.op(process, f, "invoke", { ...this.#stamp(0), value: opts.value, host: opts.host, id: opts.id });
    this.#open.set(process, [...(this.#open.get(process) ?? []), { id: e.id, f }]);
    return this;
  }

  /** Completes the oldest open invoke of `process` (or `opts.id`) at the current time; returns this. */
  complete(process: string, type: "ok" | "fail" | "info", opts: SyntheticOp = {}): this {
    const open = this.#open.get(process) ?? [];
    const inv = opts.id === undefined ? open[0] : open.find((o) => o.id === opts.id);
    if (!inv) throw new Error(`no open invoke for ${process}${opts.id === undefined ? "" : ` with id ${opts.id}`}`);
    this.#open.set(
      process,
      open.filter((o) => o !== inv),
    );
    const extra = { ...this.#stamp(opts.latencyMs ?? 0), id: inv.id, value: opts.value, error: opts.error, host: opts.host };
    this.#h.op(process, inv.f, type, extra);
    return this;
  }

  /** Records an invoke now and its completion `latencyMs` later; returns this. */
  call(process: string, f: string, type: "ok" | "fail" | "info", opts: SyntheticOp = {}): this {
    return this.invoke(process, f, opts).complete(process, type, { ...opts, id: undefined });
  }

  /** Records a fault phase now; returns this. */
  fault(fault: string, phase: FaultEvent["phase"], targets: string[] = []): this {
    this.#h.record({ kind: "fault", fault, phase, targets, ...this.#stamp(0) });
    return this;
  }

  /** Records a sample now, under `subject` as given (a history key) or a typed subject's key; returns this. */
  sample(subject: string | Subject, value: unknown): this {
    this.#h.record({ kind: "sample", subject: typeof subject === "string" ? subject : subjectKey(subject), value, ...this.#stamp(0) });
    return this;
  }

  /** Records a phase boundary now; returns this. */
  phase(name: string, status: PhaseEvent["status"] = "begin"): this {
    this.#h.record({ kind: "phase", name, status, ...this.#stamp(0) });
    return this;
  }

  /** The events recorded so far. */
  events(): readonly HistoryEvent[] {
    return this.#h.events();
  }

  /** The underlying History. */
  history(): History {
    return this.#h;
  }

  #stamp(offsetMs: number): { mono: string; wall: string } {
    const ms = this.#now + offsetMs;
    return { mono: (BASE_NS + msToNs(ms)).toString(), wall: new Date(BASE_WALL + ms).toISOString() };
  }
}

/** The mono timestamp `ms` after a {@link SyntheticHistory} start, for assertions. */
export function syntheticMono(ms: number): string {
  return (BASE_NS + msToNs(ms)).toString();
}
