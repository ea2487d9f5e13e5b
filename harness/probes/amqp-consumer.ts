import type { Channel, ChannelModel } from "amqplib";
import { setTimeout as delay } from "node:timers/promises";
import { closeWithin, connectFirst } from "./amqp-connection.ts";
import type { AmqpProbeOptions } from "./amqp-publisher.ts";
import { BackgroundLoop } from "./background-loop.ts";

/**
 * Consumes with manual acks, recording each delivery as a `consume` op (value = message id)
 * before acking it; reconnects to the next broker whenever the connection drops.
 */
export class AmqpConsumer extends BackgroundLoop {
  readonly name = "amqp-consume";
  private lastDelivery = performance.now();
  private conn?: ChannelModel;

  constructor(private readonly o: AmqpProbeOptions) {
    super();
  }

  /** Closing the connection ends the consume wait in run(). */
  protected override async beforeStop(): Promise<void> {
    if (this.conn) await closeWithin(this.conn);
  }

  /** Ms since the last delivery. */
  idleMs(): number {
    return performance.now() - this.lastDelivery;
  }

  protected async run(): Promise<void> {
    let start = 0;
    while (this.running) {
      try {
        const { conn, index, host } = await connectFirst(this.o.hosts, start);
        start = index;
        this.conn = conn;
        const closed = new Promise<void>((resolve) => conn.on("close", () => resolve()));
        const ch: Channel = await conn.createChannel();
        ch.on("error", () => undefined);
        await ch.assertQueue(this.o.queue, { durable: true, arguments: this.o.queueArguments });
        await ch.prefetch(50);
        await ch.consume(this.o.queue, (msg) => {
          if (!msg) return;
          const id = msg.properties.messageId ?? msg.content.toString();
          const inv = this.o.history.op(this.name, "consume", "invoke");
          this.o.history.op(this.name, "consume", "ok", { id: inv.id, value: id, host });
          this.lastDelivery = performance.now();
          ch.ack(msg);
        });
        await closed;
        start = index + 1;
      } catch {
        start += 1;
      }
      if (this.running) await delay(300);
    }
  }
}
