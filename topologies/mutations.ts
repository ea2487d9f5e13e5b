import { z } from "zod";

/**
 * Negative controls: each mutation is one "Important" note of the two guides turned into a
 * deliberate misconfiguration of how a topology is built (never a change to the checks).
 * `npm run controls` proves the scenario guarding each one fails against it.
 */
export const MUTATIONS = {
  "keystone-keys-unsynced": "each controller makes its own Fernet keys (the key sync step skipped)",
  "rabbit-no-ha-policy": "RabbitMQ queues neither mirrored nor quorum (the ha-all policy not set)",
  "gluster-single-brick": "Glance images on a one-brick, non-replicated Gluster volume",
  "lb-no-healthcheck": "HAProxy checks only the MySQL port, not the 9200 Synced check",
  "controller-group-unconstrained": "no -INFINITY location constraint keeping g_controller off controller-3",
  "retry-less-client": "the counter client does a read-modify-write with no 1213 retry",
  "shared-vip": "clusterware: MySQL and RabbitMQ behind one VIP in one resource group",
  "no-restart-limit": "clusterware: failed resources restart in place forever, never relocate",
} as const;

/** A mutation's name. */
export type Mutation = keyof typeof MUTATIONS;

/** The mutation names, validated at topology load (`--mutate <name>`). */
export const MutationSchema = z.enum(Object.keys(MUTATIONS) as [Mutation, ...Mutation[]]);

/** True when `topology` is built with mutation `m`. Pure. */
export function mutated(topology: { mutations?: readonly string[] }, m: Mutation): boolean {
  return topology.mutations?.includes(m) ?? false;
}

/** A Pacemaker group as formation builds it: `constrained: false` means no location constraint at all. */
export type BuiltGroup<G> = G & { allowed: string[]; forbidden: string[]; constrained: boolean };

/**
 * Group `g` of `topology` as formation builds it. Under `controller-group-unconstrained`,
 * g_controller gets no location constraint (neither the controller-1/2 preference nor the ban on
 * controller-3), so any controller may hold it; the topology's own `allowed` stays the guide's rule
 * that scenario checks judge by. Pure.
 */
export function builtGroup<G extends { name: string; allowed: readonly string[]; forbidden: readonly string[] }>(
  topology: { mutations?: readonly string[]; hosts: readonly { name: string; role: string }[] },
  g: G,
): BuiltGroup<G> {
  if (g.name === "g_controller" && mutated(topology, "controller-group-unconstrained")) {
    const everyController = topology.hosts.filter((h) => h.role === "controller").map((h) => h.name);
    return { ...g, allowed: everyController, forbidden: [], constrained: false };
  }
  return { ...g, allowed: [...g.allowed], forbidden: [...g.forbidden], constrained: true };
}
