import type { HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { lastSample } from "../history/samples.ts";
import type { Subject } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** What {@link confirmedMessages} reports: messages published, confirmed, delivered, and duplicate deliveries. */
export type ConfirmedMessagesDetails = {
  published: number;
  confirmed: number;
  delivered: number;
  duplicates?: number;
  reason?: string;
  [k: string]: unknown;
};

/** Options for {@link confirmedMessages}. */
export interface ConfirmedMessagesOptions {
  /** Publisher process (f "publish", value message id); default "amqp-publish". */
  publishProcess?: string;
  /** Consumer process (f "consume", value message id); default "amqp-consume". */
  consumeProcess?: string;
  /** Sample recorded once the consumer drained the queue; default `{ kind: "amqp-drained" }`. */
  drainSubject?: Subject;
}

/**
 * No lost confirmed messages. False if a publish the broker confirmed (ok) was never delivered
 * (ok consume). Duplicate deliveries (at-least-once) and delivered-but-unconfirmed messages are
 * counted, not failures. Unknown without confirmed publishes, consume ops, or a drain sample
 * (value false, or an object with `remaining` > 0, means not drained).
 */
export function confirmedMessages(events: readonly HistoryEvent[], opts: ConfirmedMessagesOptions = {}): Verdict<ConfirmedMessagesDetails> {
  const pub = completedOps(events, { process: opts.publishProcess ?? "amqp-publish", f: "publish" });
  const con = completedOps(events, { process: opts.consumeProcess ?? "amqp-consume", f: "consume" });
  const drain = lastSample(events, opts.drainSubject ?? { kind: "amqp-drained" });
  const confirmed = new Set(pub.filter((o) => o.type === "ok").map((o) => String(o.value)));
  const attempted = new Set(pub.map((o) => String(o.value)));
  const deliveries = new Map<string, number>();
  for (const o of con) if (o.type === "ok") deliveries.set(String(o.value), (deliveries.get(String(o.value)) ?? 0) + 1);
  const base = { published: pub.length, confirmed: confirmed.size, delivered: deliveries.size };
  if (confirmed.size === 0) return verdict("unknown", { ...base, reason: "no confirmed publish" });
  if (con.length === 0) return verdict("unknown", { ...base, reason: "no consume phase" });
  if (!drain || !drained(drain.value)) return verdict("unknown", { ...base, reason: "queue drain not recorded", drain: drain?.value });
  const lost = [...confirmed].filter((id) => !deliveries.has(id));
  const duplicated = [...deliveries].filter(([, n]) => n > 1);
  return verdict(lost.length === 0, {
    ...base,
    lost,
    duplicates: duplicated.reduce((sum, [, n]) => sum + n - 1, 0),
    duplicatedIds: duplicated.map(([id]) => id),
    unconfirmedDelivered: [...deliveries.keys()].filter((id) => attempted.has(id) && !confirmed.has(id)).length,
    neverPublished: [...deliveries.keys()].filter((id) => !attempted.has(id)),
  });
}

function drained(v: unknown): boolean {
  if (v === false || v === null || v === undefined) return false;
  if (typeof v === "object" && typeof (v as { remaining?: unknown }).remaining === "number") return (v as { remaining: number }).remaining === 0;
  return true;
}
