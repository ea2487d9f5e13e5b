/** Outcome of one probe operation, Jepsen-style: invoke opens it; ok, fail or info closes it. */
export type OpType = "invoke" | "ok" | "fail" | "info";

/** Fields every history event carries. */
export interface EventBase {
  /** Monotonic time in nanoseconds (process.hrtime.bigint), as a decimal string so JSONL stays exact. */
  mono: string;
  /** Wall clock, ISO 8601. */
  wall: string;
}

/**
 * One probe operation. `process` names the client (e.g. "mysql", "keystone", "amqp-publish");
 * `f` names the function ("insert", "issue-token", "publish", "download", "connect"...);
 * `value` is what was sent or read back (sequence number, token id, checksum, message id).
 * An invoke and its completion share `id`.
 */
export interface OpEvent extends EventBase {
  kind: "op";
  process: string;
  id: number;
  type: OpType;
  f: string;
  value?: unknown;
  error?: { code?: string | number; message: string };
  /** The host that served the op, when the client can tell. */
  host?: string;
}

/** A fault's life: start (injection begins), effective (proved), heal, healed, or failed. */
export interface FaultEvent extends EventBase {
  kind: "fault";
  fault: string;
  phase: "start" | "effective" | "heal" | "healed" | "failed";
  targets: string[];
  details?: Record<string, unknown>;
}

/** A sampled observation of cluster state (who holds a VIP, wsrep state, pacemaker placement...). */
export interface SampleEvent extends EventBase {
  kind: "sample";
  /** What was sampled: a typed Subject's key (subject.ts), e.g. "vip:controller", "wsrep:vm-1", "placement:controller-1". */
  subject: string;
  /** The observation; for VIPs, the holder host names (empty when none answers). */
  value: unknown;
}

/** A named phase boundary or note from the harness itself (bring-up, heal, convergence...). */
export interface PhaseEvent extends EventBase {
  kind: "phase";
  name: string;
  status: "begin" | "end" | "error";
  details?: Record<string, unknown>;
}

/** Anything recorded in a run's history. */
export type HistoryEvent = OpEvent | FaultEvent | SampleEvent | PhaseEvent;
