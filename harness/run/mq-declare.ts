import amqp from "amqplib";
import { RABBIT_ACCOUNT } from "../formation/index.ts";

/**
 * Declares durable `queue` through the broker on `host`, so that with the default
 * `client-local` master locator its master lives there; idempotent.
 */
export async function declareQueueOn(host: { ip: string }, queue: string, args: Record<string, string> = {}): Promise<void> {
  const { user, password } = RABBIT_ACCOUNT;
  const conn = await amqp.connect({ hostname: host.ip, port: 5672, username: user, password }, { timeout: 5000 });
  try {
    const ch = await conn.createChannel();
    await ch.assertQueue(queue, { durable: true, arguments: args });
    await ch.close();
  } finally {
    await conn.close().catch(() => undefined);
  }
}
