import { createHash } from "node:crypto";
import type { Topology } from "../../topologies/schema.ts";
import { mutated } from "../../topologies/mutations.ts";

/** The account OpenStack services and the harness's AMQP clients use (administrator, all of vhost /). */
export const RABBIT_ACCOUNT = { user: "openstack", password: "haproof-rabbit", vhost: "/" } as const;

/** A RabbitMQ policy as `rabbitmqctl set_policy` takes it. */
export interface RabbitPolicy {
  name: string;
  pattern: string;
  definition: Record<string, string | number>;
  applyTo: "queues";
}

/** Renders /etc/rabbitmq/rabbitmq.conf (new-style) for every node; pure. */
export function renderRabbitConf(t: Topology): string {
  return [
    "# Written by haproof formation (rabbitmq).",
    `cluster_partition_handling = ${t.rabbitmq.partitionHandling}`,
    "listeners.tcp.default = 5672",
    // guest stays loopback-only (the default); network clients use the openstack account.
    "loopback_users.guest = true",
    "",
  ].join("\n");
}

/** The Erlang cookie shared by every node: deterministic per topology so a re-run keeps it; pure. */
export function erlangCookie(t: Topology): string {
  return createHash("sha256").update(`haproof:${t.name}:erlang-cookie`).digest("hex").slice(0, 32).toUpperCase();
}

/**
 * The guide's HA policy (classic mirrored, all nodes, automatic sync) when queues are "mirrored";
 * null for quorum, and null under the `rabbit-no-ha-policy` mutation (queues stay on one node).
 */
export function haPolicy(t: Topology): RabbitPolicy | null {
  if (t.rabbitmq.queues !== "mirrored" || mutated(t, "rabbit-no-ha-policy")) return null;
  return { name: "ha-all", pattern: "^(?!amq\\.).*", definition: { "ha-mode": "all", "ha-sync-mode": "automatic" }, applyTo: "queues" };
}

/**
 * The arguments clients pass to queue.declare: none for "mirrored" (the policy mirrors them),
 * `x-queue-type: quorum` for "quorum" (quorum queues must also be declared durable), none under
 * the `rabbit-no-ha-policy` mutation (a plain classic queue); pure.
 */
export function queueArguments(t: Topology): Record<string, string> {
  return t.rabbitmq.queues === "quorum" && !mutated(t, "rabbit-no-ha-policy") ? { "x-queue-type": "quorum" } : {};
}
