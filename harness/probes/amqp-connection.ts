import amqp, { type ChannelModel } from "amqplib";
import { RABBIT_ACCOUNT } from "../formation/rabbitmq-conf.ts";

/**
 * Connects to the first broker of `hosts` that answers, starting after the last one that
 * failed, as OpenStack's oslo.messaging walks its host list. Returns the connection and broker.
 */
export async function connectFirst(hosts: readonly { name: string; ip: string }[], start: number): Promise<{ conn: ChannelModel; host: string; index: number }> {
  const { user, password } = RABBIT_ACCOUNT;
  let last: unknown;
  for (let k = 0; k < hosts.length; k++) {
    const index = (start + k) % hosts.length;
    const h = hosts[index];
    try {
      const conn = await amqp.connect({ hostname: h.ip, port: 5672, username: user, password, heartbeat: 5 }, { timeout: 1500 });
      conn.on("error", () => undefined); // surfaced as 'close'
      return { conn, host: h.name, index };
    } catch (e) {
      last = e;
    }
  }
  throw last instanceof Error ? last : new Error("no broker answered");
}

/**
 * Closes `conn`, waiting at most `ms` for the broker's close-ok (a broker that never answers would hold a stop
 * forever); then destroys the socket, which emits `close` all the same. Never throws.
 */
export async function closeWithin(conn: ChannelModel, ms = 3000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    conn.close().then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  if (!closed) (conn as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}
