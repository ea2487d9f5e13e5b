import { clusterware } from "../../topologies/clusterware.ts";
import { ClusterwareTunablesSchema, type ClusterwareTopology } from "../../topologies/clusterware-schema.ts";
import { prisma } from "../../topologies/prisma.ts";
import { TunablesSchema, type Topology } from "../../topologies/schema.ts";

/** The tunables a bound's formula reads, per topology kind. */
export interface KindTimings {
  prisma: Topology["tunables"];
  clusterware: ClusterwareTopology["tunables"];
}

/** A topology kind whose tunables a formula reads. */
export type TimingKind = keyof KindTimings;

/** The documented defaults every fixed bound is computed from (topologies/prisma.ts, clusterware.ts); `--set` never moves them. */
export const DEFAULT_TIMINGS: Readonly<KindTimings> = { prisma: prisma.tunables, clusterware: clusterware.tunables };

const SCHEMAS = { prisma: TunablesSchema, clusterware: ClusterwareTunablesSchema } as const;

/** One summand of a bound: what it is, in words, and its value in ms from the tunables. */
export interface BoundTerm<K extends TimingKind> {
  what: string;
  ms: (t: KindTimings[K]) => number;
}

/** A bound derived from a topology's timings: the formula as data (its terms), as a function, and in words. */
export interface TimingBound<K extends TimingKind = TimingKind> {
  kind: K;
  terms: readonly BoundTerm<K>[];
  /** The sum of the terms in ms, unrounded. Pure. */
  formula: (t: KindTimings[K]) => number;
  /** "corosyncTokenMs + 1.2 × corosyncTokenMs (consensus) + 3 s ... + 12 s margin". */
  text: string;
}

/** A bound of either kind. */
export type AnyTimingBound = TimingBound<"prisma"> | TimingBound<"clusterware">;

/** A fixed summand: `fixed(2000, "IPaddr2 start")` reads "2 s IPaddr2 start". */
export function fixed<K extends TimingKind>(ms: number, what: string): BoundTerm<K> {
  const s = ms / 1000;
  return { what: `${Number.isInteger(s) ? s : s.toFixed(1)} s ${what}`, ms: () => ms };
}

/** A fixed summand whose words already say its value: `spelled(75_000, "1.25 × 60 s net_ticktime")`. */
export function spelled<K extends TimingKind>(ms: number, what: string): BoundTerm<K> {
  return { what, ms: () => ms };
}

/** A bound of kind `kind` that is the sum of `terms`. Pure. */
export function sumOf<K extends TimingKind>(kind: K, ...terms: BoundTerm<K>[]): TimingBound<K> {
  return { kind, terms, formula: (t) => terms.reduce((sum, term) => sum + term.ms(t), 0), text: terms.map((x) => x.what).join(" + ") };
}

/** A formula's value as a bound: whole milliseconds, rounded up to the whole second. Pure. */
export function roundBound(ms: number): number {
  return Math.ceil(Math.round(ms) / 1000) * 1000;
}

/** The fixed bound: `b`'s formula applied to the documented default tunables, rounded up to the second. Pure. */
export function defaultBoundMs(b: AnyTimingBound): number {
  return roundBound(evaluate(b, DEFAULT_TIMINGS[b.kind]));
}

/** The formula with each term's value under `tunables` (default: the documented ones), and the rounded total. Pure. */
export function explainBound(b: AnyTimingBound, tunables: KindTimings[TimingKind] = DEFAULT_TIMINGS[b.kind]): string {
  const t = tunables as never;
  const parts = (b.terms as readonly BoundTerm<TimingKind>[]).map((x) => `${x.what} (${(x.ms(t) / 1000).toFixed(1).replace(/\.0$/, "")} s)`);
  return `${parts.join(" + ")} = ${roundBound(evaluate(b, tunables)) / 1000} s`;
}

function evaluate(b: AnyTimingBound, t: unknown): number {
  return (b.formula as (x: unknown) => number)(t);
}

/**
 * The bound `b` gives under a running topology's own `tunables` (rounded up to the second), or undefined
 * when they are not a valid tunables set of `b`'s topology kind (a run of another kind, or none recorded). Pure.
 */
export function boundUnder(b: AnyTimingBound, tunables: unknown): number | undefined {
  const parsed = SCHEMAS[b.kind].safeParse(tunables);
  return parsed.success ? roundBound(evaluate(b, parsed.data)) : undefined;
}
