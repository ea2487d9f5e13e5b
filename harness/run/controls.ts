import type { RequirementId } from "../requirements/index.ts";
import { clusterware, type Mutation } from "../../topologies/index.ts";

/** The requirement id of the check ScenarioRun.finish adds to every run: true only when the runbook ran to its end (no harness crash). */
export const RUNBOOK_CHECK = "HAPROOF-RUNBOOK-COMPLETE" satisfies RequirementId;

/** A fault the control's scenario must have proved effective (a `fault` event, phase `effective`) at least `times` times. */
export interface FaultDemand {
  /** The fault's name as its events carry it: `kill`, `partition`, `kill-process:mysqld`, ... */
  fault: string;
  times: number;
}

/** A mutation whose presence in the same build keeps this control's runbook from running to its end. */
export interface ControlConflict {
  mutation: Mutation;
  why: string;
}

/** One negative control: scenario `scenario` on `topology` built with `mutation` must fail `failing`. */
export interface Control {
  mutation: Mutation;
  scenario: string;
  topology: string;
  /** Requirement ids of the checks that must say false; other checks may fail too. */
  failing: RequirementId[];
  /** The faults that must have taken effect for the failure to be the mutation's (none: a workload, no fault). */
  faults: FaultDemand[];
  /** Mutations `--combined` must not build beside this one (it then gets a build of its own). */
  conflicts?: ControlConflict[];
  /** Why, from the guides. */
  why: string;
}

// restart-then-relocate kills mysqld RESTART_ATTEMPTS times (restarts in place), then once more:
// that last kill is the one no-restart-limit must fail to relocate. Controls build the default tunables.
const KILLS_TO_RELOCATE = clusterware.tunables.restartAttempts + 1;

/**
 * The controls table: each "Important" note of the two guides as a mutation and the scenario that
 * exists to catch it. `npm run controls` runs every row; a scenario run on a mutated topology
 * asserts these failures at its edge instead of a pass.
 */
export const CONTROLS: readonly Control[] = [
  {
    mutation: "keystone-keys-unsynced",
    scenario: "node-loss",
    topology: "prisma",
    failing: ["PRISMA-CTRL-TOKENS"],
    faults: [{ fault: "kill", times: 1 }],
    why: "tokens issued on one controller fail on the other after failover",
  },
  {
    mutation: "controller-group-unconstrained",
    scenario: "node-loss",
    topology: "prisma",
    failing: ["PRISMA-CTRL-PLACEMENT"],
    faults: [{ fault: "kill", times: 1 }],
    why: "g_controller lands on controller-3, where the guide forbids it",
  },
  {
    mutation: "rabbit-no-ha-policy",
    scenario: "rabbit-node-loss",
    topology: "prisma",
    // Measured: the queue's node takes the queue down with it: publishes get no confirm and the
    // consumer nothing until it returns (63.6 s outage, nothing served elsewhere). Persistent
    // messages on a durable queue come back with a restarted node; only a node lost for good loses them.
    failing: ["PRISMA-RABBIT-OUTAGE", "PRISMA-RABBIT-FAILOVER"],
    faults: [{ fault: "kill", times: 1 }],
    why: "an unmirrored queue dies with its node: nothing fails over, confirms stop",
  },
  {
    mutation: "gluster-single-brick",
    scenario: "gluster-brick-loss",
    topology: "prisma",
    failing: ["PRISMA-GLUSTER-OUTAGE", "PRISMA-GLUSTER-UPLOAD"],
    faults: [{ fault: "kill", times: 1 }],
    why: "images are unreadable and uploads fail while the only brick is gone",
  },
  {
    mutation: "lb-no-healthcheck",
    scenario: "galera-partition",
    topology: "prisma",
    failing: ["PRISMA-GALERA-MAJORITY"],
    faults: [{ fault: "partition", times: 1 }],
    why: "HAProxy keeps sending to a non-Primary node that refuses every query",
  },
  {
    mutation: "retry-less-client",
    scenario: "galera-deadlock",
    topology: "prisma",
    failing: ["PRISMA-GALERA-SINGLE-NO-LOST"],
    // A workload, no fault: concurrent read-modify-writes are the whole scenario.
    faults: [],
    why: "a read-modify-write client without retry loses concurrent updates",
  },
  {
    mutation: "no-restart-limit",
    scenario: "restart-then-relocate",
    topology: "clusterware",
    // The decisive kill is the one after RESTART_ATTEMPTS: a run that stopped before it proves nothing.
    failing: ["CW-RELOCATE-VIP"],
    faults: [{ fault: "kill-process:mysqld", times: KILLS_TO_RELOCATE }],
    conflicts: [
      {
        mutation: "shared-vip",
        why: "with RabbitMQ in MySQL's group every restart also restarts RabbitMQ: the runbook's wait for the 2nd restart timed out before the decisive kill (CI, 2026-11-22)",
      },
    ],
    why: "without RESTART_ATTEMPTS the clusterware restarts mysqld in place forever and never relocates the chain",
  },
  {
    mutation: "shared-vip",
    scenario: "independent-vips",
    topology: "clusterware",
    failing: ["CW-INDEP-MQ-UP"],
    // The first restart of MySQL already restarts RabbitMQ with it.
    faults: [{ fault: "kill-process:mysqld", times: 1 }],
    conflicts: [
      {
        mutation: "no-restart-limit",
        why: "independent-vips waits for MySQL to relocate, which no-restart-limit never does: its runbook cannot run to the end",
      },
    ],
    why: "behind MySQL's VIP, in MySQL's group, RabbitMQ stops whenever MySQL restarts or relocates",
  },
];

/** Requirement ids whose checks must fail for `scenario` under `mutations` (union over matching rows); null if no row matches. Pure. */
export function expectedFailures(scenario: string, mutations: readonly string[] = []): RequirementId[] | null {
  const rows = CONTROLS.filter((c) => c.scenario === scenario && mutations.includes(c.mutation));
  return rows.length ? [...new Set(rows.flatMap((c) => c.failing))] : null;
}
