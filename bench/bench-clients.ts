import type { ClientSpec } from "../harness/run/clients.ts";

/** The data-path clients both bench measurements run: a MySQL writer into a table of its own (`prefix` + time), AMQP, Keystone, Glance. */
export function benchClients(prefix: string): ClientSpec {
  return { mysql: { table: `${prefix}_${Date.now()}` }, amqp: { queue: "haproof.bench" }, keystone: true, glance: true };
}
