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
