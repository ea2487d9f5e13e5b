import type { ChannelModel, ConfirmChannel } from "amqplib";
import type { History } from "../history/index.ts";
import { closeWithin, connectFirst } from "./amqp-connection.ts";
import { OpLoop } from "./op-loop.ts";
import { DefiniteFailure } from "./probe.ts";

/** Options for the AMQP publisher and consumer. */
export interface AmqpProbeOptions {
  history: History;
  /** The broker host list (name and address), as OpenStack services are configured. */
  hosts: readonly { name: string; ip: string }[];
  queue: string;
  /** Queue declare arguments (e.g. x-queue-type: quorum); the mirrored mode uses a policy instead. */
  queueArguments?: Record<string, string>;
  rateHz?: number;
  /** The publisher's ops in flight at once; default: the open loop's lanes (see OpLoop). */
  maxInFlight?: number;
}

interface Lane {
  conn: ChannelModel;
  ch: ConfirmChannel;
  host: string;
  index: number;
}

/**
 * Publishes persistent messages with publisher confirms (op `publish`, value = message id), open loop:
 * an ok is a broker-confirmed message. Each lane is a client with its own connection; after any failure
 * or timeout it reconnects, to the broker after the one that failed.
 */
export function amqpPublisher(o: AmqpProbeOptions): OpLoop {
  const lanes = new Map<number, Lane>();
  const starts = new Map<number, number>();
  const drop = (lane: number, cur: Lane | undefined) => {
    if (!cur) return;
    starts.set(lane, cur.index + 1);
    void closeWithin(cur.conn);
    if (lanes.get(lane) === cur) lanes.delete(lane);
  };
  const closeAll = () => Promise.all([...lanes.values()].map((l) => closeWithin(l.conn))).then(() => lanes.clear());
  // 3 s: a publish waits this long for its confirm (pinned-timings.ts amqpPublishMs).
  return new OpLoop({ process: "amqp-publish", history: o.history, rateHz: o.rateHz, timeoutMs: 3000, maxInFlight: o.maxInFlight, onStop: closeAll }, (i, lane) => {
    const id = `m${i + 1}`;
    return {
      f: "publish",
      value: id,
      run: async (signal) => {
        let cur = lanes.get(lane);
        if (!cur) {
          let c: Awaited<ReturnType<typeof connectFirst>> | undefined;
          try {
            c = await connectFirst(o.hosts, starts.get(lane) ?? 0);
            const ch = await c.conn.createConfirmChannel();
            ch.on("error", () => undefined);
            await ch.assertQueue(o.queue, { durable: true, arguments: o.queueArguments });
            if (signal.aborted) throw new Error("connected after the op timed out");
            const opened: Lane = { ...c, ch };
            c.conn.on("close", () => {
              if (lanes.get(lane) === opened) lanes.delete(lane);
            });
            lanes.set(lane, opened);
            cur = opened;
          } catch (e) {
            if (c) void closeWithin(c.conn);
            throw new DefiniteFailure(`connect: ${(e as Error).message}`, (e as { code?: string }).code);
          }
        }
        const mine = cur;
        const onAbort = () => drop(lane, mine);
        signal.addEventListener("abort", onAbort, { once: true });
        try {
          await new Promise<void>((resolve, reject) => mine.ch.sendToQueue(o.queue, Buffer.from(id), { persistent: true, messageId: id }, (err) => (err ? reject(err) : resolve())));
          return { host: mine.host };
        } catch (e) {
          drop(lane, mine);
          throw e; // a publish without confirm is indeterminate: the broker may have it
        } finally {
          signal.removeEventListener("abort", onAbort);
        }
      },
    };
  });
}
