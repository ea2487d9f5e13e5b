import type { AnyTopology } from "../../topologies/kinds.ts";
import type { Site } from "../site/index.ts";
import type { FormationContext } from "../formation/context.ts";
import type { Health } from "../formation/health.ts";

/** Prints phase lines and times phases (harness/run's PhaseLog satisfies it). */
export interface PhaseRunner {
  line(text: string): void;
  run<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** The VIP each API is reached through, as `haproof status` names it. */
export interface ApiRoutes {
  keystone: string;
  glance: string;
}

/** The name of a topology kind. */
export type KindName = "prisma" | "clusterware";

/**
 * Everything that differs between topology kinds, as one strategy: how a kind is formed, how its
 * health is read and judged, what it runs as stand-ins, and how `haproof status` names its routes.
 */
export interface TopologyKind<T extends AnyTopology = AnyTopology> {
  readonly name: KindName;
  /** Runs the kind's formation runbooks on just-started containers, as phases of `phases`. */
  form(ctx: FormationContext<T>, phases: PhaseRunner): Promise<void>;
  /** A read-only {@link Health} snapshot of `running`; never throws for a down service. */
  collectHealth(running: Site<T>): Promise<Health>;
  /** Everything in `h` that differs from a healthy, fully formed topology, one sentence each; empty means healthy. Pure. */
  healthProblems(t: T, h: Health): string[];
  /** The stand-ins the topology runs, each named with what stands in for it. Pure. */
  standIns(t: T): string[];
  /** The VIPs Keystone and Glance are reached through. */
  readonly apiRoutes: ApiRoutes;
}
