import type { Mutation } from "../../topologies/index.ts";

/** One negative control: scenario `scenario` on `topology` built with `mutation` must fail `failing`. */
export interface Control {
  mutation: Mutation;
  scenario: string;
  topology: string;
  /** Check names (as the scenario names them) that must say false; other checks may fail too. */
  failing: string[];
  /** Why, from the guides. */
  why: string;
}

/**
 * The controls table: each "Important" note of the two guides as a mutation and the scenario that
 * exists to catch it. `npm run controls` runs every row; a scenario run on a mutated topology
 * asserts these failures at its edge instead of a pass.
 */
export const CONTROLS: readonly Control[] = [
  {
    mutation: "keystone-keys-unsynced", scenario: "node-loss", topology: "prisma",
    failing: ["tokens issued before the fault still validate"],
    why: "tokens issued on one controller fail on the other after failover",
  },
  {
    mutation: "controller-group-unconstrained", scenario: "node-loss", topology: "prisma",
    failing: ["g_controller only on controller-1/2, never split"],
    why: "g_controller lands on controller-3, where the guide forbids it",
  },
  {
    mutation: "rabbit-no-ha-policy", scenario: "rabbit-node-loss", topology: "prisma",
    // Measured: the queue's node takes the queue down with it: publishes get no confirm and the
    // consumer nothing until it returns (63.6 s outage, nothing served elsewhere). Persistent
    // messages on a durable queue come back with a restarted node; only a node lost for good loses them.
    failing: ["publisher outage within bound", "publisher and consumer failed over through the host list"],
    why: "an unmirrored queue dies with its node: nothing fails over, confirms stop",
  },
  {
    mutation: "gluster-single-brick", scenario: "gluster-brick-loss", topology: "prisma",
    failing: ["Glance outage within bound", "a new image uploads while the brick is down"],
    why: "images are unreadable and uploads fail while the only brick is gone",
  },
  {
    mutation: "lb-no-healthcheck", scenario: "galera-partition", topology: "prisma",
    failing: ["DB outage through the VIP within bound"],
    why: "HAProxy keeps sending to a non-Primary node that refuses every query",
  },
  {
    mutation: "retry-less-client", scenario: "galera-deadlock", topology: "prisma",
    failing: ["single-writer: increments lose no update"],
    why: "a read-modify-write client without retry loses concurrent updates",
  },
  {
    mutation: "no-restart-limit", scenario: "restart-then-relocate", topology: "clusterware",
    // Only the relocation is demanded: with shared-vip in the same build (--combined), each restart
    // also restarts RabbitMQ, the runbook's wait for the 2nd restart timed out, and the restart-count
    // check said unknown (CI, 2026-11-22). mysqlVIP never moving is false either way.
    failing: ["mysqlVIP moved with the chain to the standby"],
    why: "without RESTART_ATTEMPTS the clusterware restarts mysqld in place forever and never relocates the chain",
  },
  {
    mutation: "shared-vip", scenario: "independent-vips", topology: "clusterware",
    failing: ["RabbitMQ publishing not interrupted (outage within probe resolution)"],
    why: "behind MySQL's VIP, in MySQL's group, RabbitMQ stops whenever MySQL restarts or relocates",
  },
];

/** Check names that must fail for `scenario` under `mutations` (union over matching rows); null if no row matches. Pure. */
export function expectedFailures(scenario: string, mutations: readonly string[] = []): string[] | null {
  const rows = CONTROLS.filter((c) => c.scenario === scenario && mutations.includes(c.mutation));
  return rows.length ? [...new Set(rows.flatMap((c) => c.failing))] : null;
}
