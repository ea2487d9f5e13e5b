import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { EventBase, FaultEvent, HistoryEvent, OpEvent, OpType, PhaseEvent, SampleEvent } from "./event.ts";
import { issueLines } from "../validation/index.ts";
import { HistoryEventSchema } from "./event-schema.ts";
import { subjectKey, type Subject } from "./subject.ts";

type Unstamped<E> = E extends HistoryEvent ? Omit<E, "mono" | "wall"> & Partial<EventBase> : never;

/** An event as a caller hands it to {@link History.record}: mono and wall are optional. */
export type EventInput = Unstamped<HistoryEvent>;

/** Optional fields of an op; `id` is required on completions and allocated for invokes when absent. */
export type OpExtra = Partial<Pick<OpEvent, "id" | "value" | "error" | "host" | "mono" | "wall">>;

/** A JSONL history line that is not a valid event; names the 1-based line. */
export class HistoryParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`history line ${line}: ${reason}`);
    this.name = "HistoryParseError";
  }
}

/** Options for {@link History}. */
export interface HistoryOptions {
  /** JSONL sink: truncated on construction, then one line appended per recorded event. */
  file?: string;
}

/** The append-only event log of one run, in memory, optionally mirrored to a JSONL file. */
export class History {
  readonly #events: HistoryEvent[] = [];
  readonly #nextId = new Map<string, number>();
  #file: string | undefined;

  /** Creates an empty history; with `file`, creates its directory and truncates it. */
  constructor(opts: HistoryOptions = {}) {
    this.#file = opts.file;
    if (this.#file) {
      mkdirSync(dirname(this.#file), { recursive: true });
      writeFileSync(this.#file, "");
    }
  }

  /** Builds an in-memory history (no file sink) from JSONL text; throws HistoryParseError on a bad line. */
  static fromJsonl(text: string): History {
    const h = new History();
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (e) {
        // A run killed mid-write leaves a torn last line with no newline; the events before it still count.
        if (i === lines.length - 1) return;
        throw new HistoryParseError(i + 1, e instanceof Error ? e.message : String(e));
      }
      const r = HistoryEventSchema.safeParse(parsed);
      if (!r.success) throw new HistoryParseError(i + 1, issueLines(r.error).join("; "));
      h.#push(r.data as HistoryEvent);
    });
    return h;
  }

  /** Reads a JSONL history file; see {@link History.fromJsonl}. */
  static load(path: string): History {
    return History.fromJsonl(readFileSync(path, "utf8"));
  }

  /** Appends `e`, stamping mono/wall when absent; writes it to the file sink; returns the stored event. */
  record<E extends EventInput>(e: E): E & EventBase {
    const stamped = {
      ...e,
      mono: e.mono ?? process.hrtime.bigint().toString(),
      wall: e.wall ?? new Date().toISOString(),
    } as E & EventBase;
    this.#push(stamped as HistoryEvent);
    if (this.#file) appendFileSync(this.#file, JSON.stringify(stamped) + "\n");
    return stamped;
  }

  /** Records an op; an invoke without `extra.id` gets the next free id for `process`; a completion without one throws TypeError. */
  op(process: string, f: string, type: OpType, extra: OpExtra = {}): OpEvent {
    if (extra.id === undefined && type !== "invoke") throw new TypeError(`${process}/${f}: a ${type} completion needs its invoke's id`);
    const id = extra.id ?? this.#nextId.get(process) ?? 0;
    return this.record({ kind: "op", process, f, type, ...extra, id });
  }

  /** Records a fault phase for `targets`. */
  fault(fault: string, phase: FaultEvent["phase"], targets: string[], details?: Record<string, unknown>): FaultEvent {
    return this.record({ kind: "fault", fault, phase, targets, ...(details ? { details } : {}) });
  }

  /** Records an observation of `subject` under its {@link subjectKey} (e.g. `vip:db` with the holder host names). */
  sample(subject: Subject, value: unknown): SampleEvent {
    return this.record({ kind: "sample", subject: subjectKey(subject), value });
  }

  /** Records a harness phase boundary. */
  phase(name: string, status: PhaseEvent["status"], details?: Record<string, unknown>): PhaseEvent {
    return this.record({ kind: "phase", name, status, ...(details ? { details } : {}) });
  }

  /** A live read-only view of every event, in record order. */
  events(): readonly HistoryEvent[] {
    return this.#events;
  }

  /** Detaches the file sink (writes are synchronous, so nothing is pending); later events stay in memory only. Idempotent. */
  close(): void {
    this.#file = undefined;
  }

  /** Same as {@link History.close}, for `using`. */
  [Symbol.dispose](): void {
    this.close();
  }

  #push(e: HistoryEvent): void {
    this.#events.push(e);
    // Keep allocated ids above every id seen, including explicit and loaded ones, so they never collide.
    if (e.kind === "op") this.#nextId.set(e.process, Math.max(this.#nextId.get(e.process) ?? 0, e.id + 1));
  }
}
