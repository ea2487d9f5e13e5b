import type { ChannelModel, ConfirmChannel } from "amqplib";
import type { History } from "../history/index.ts";
import { connectFirst } from "./amqp-connection.ts";
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
}

/**
 * Publishes persistent messages with publisher confirms (op `publish`, value = message id):
 * an ok is a broker-confirmed message. Reconnects to the next broker after any failure.
 */
export function amqpPublisher(o: AmqpProbeOptions): OpLoop {
  let cur: { conn: ChannelModel; ch: ConfirmChannel; host: string; index: number } | undefined;
  let start = 0;
  const drop = () => {
    if (cur) start = cur.index + 1;
    cur?.conn.close().catch(() => undefined);
    cur = undefined;
  };
  return new OpLoop({ process: "amqp-publish", history: o.history, rateHz: o.rateHz, timeoutMs: 3000 }, (i) => {
    const id = `m${i + 1}`;
    return {
      f: "publish",
      value: id,
      run: async () => {
        if (!cur) {
          try {
            const c = await connectFirst(o.hosts, start);
            const ch = await c.conn.createConfirmChannel();
            ch.on("error", () => undefined);
            await ch.assertQueue(o.queue, { durable: true, arguments: o.queueArguments });
            c.conn.on("close", () => {
              if (cur?.conn === c.conn) cur = undefined;
            });
            cur = { ...c, ch };
          } catch (e) {
            drop();
            throw new DefiniteFailure(`connect: ${(e as Error).message}`, (e as { code?: string }).code);
          }
        }
        const { ch, host } = cur;
        try {
          await new Promise<void>((resolve, reject) => ch.sendToQueue(o.queue, Buffer.from(id), { persistent: true, messageId: id }, (err) => (err ? reject(err) : resolve())));
          return { host };
        } catch (e) {
          drop();
          throw e; // a publish without confirm is indeterminate: the broker may have it
        }
      },
    };
  });
}
