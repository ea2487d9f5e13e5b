import { TopologySchema, type Topology } from "./schema.ts";
import { prisma } from "./prisma.ts";
import { clusterware } from "./clusterware.ts";
import { ClusterwareTopologySchema, type ClusterwareTopology } from "./clusterware-schema.ts";
import type { AnyTopology } from "./kinds.ts";

/** Topologies known by name. */
export const TOPOLOGIES: Record<string, AnyTopology> = { prisma, clusterware };

/** A topology failed validation or does not exist; `field` names the bad path. Exit code 2 at the CLI. */
export class TopologyError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "TopologyError";
  }
}

/** Validates `data` as a topology of its `kind` (absent: prisma); throws TopologyError naming the first bad field. Pure. */
export function validateTopology(data: { kind: "clusterware"; [field: string]: unknown }): ClusterwareTopology;
export function validateTopology(data: { kind?: "prisma"; [field: string]: unknown }): Topology;
export function validateTopology(data: unknown): AnyTopology;
export function validateTopology(data: unknown): AnyTopology {
  const kind = (data as { kind?: unknown } | null)?.kind;
  const r = kind === "clusterware" ? ClusterwareTopologySchema.safeParse(data) : TopologySchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.join(".") || "(root)";
  const more = r.error.issues.length > 1 ? ` (+${r.error.issues.length - 1} more)` : "";
  throw new TopologyError(`invalid topology: ${field}: ${issue.message}${more}`, field);
}

/** Deep-merges plain-object `override` into `base` (arrays replace). Pure. */
function merge(base: unknown, override: unknown): unknown {
  if (typeof base !== "object" || base === null || Array.isArray(base)) return override ?? base;
  if (typeof override !== "object" || override === null || Array.isArray(override)) return override ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(override)) out[k] = merge(out[k], v);
  return out;
}

/** The named topology with `overrides` merged in, validated; throws TopologyError for an unknown name or bad data. */
export function loadTopology(name: "prisma", overrides?: Record<string, unknown>): Topology;
export function loadTopology(name: "clusterware", overrides?: Record<string, unknown>): ClusterwareTopology;
export function loadTopology(name: string, overrides?: Record<string, unknown>): AnyTopology;
export function loadTopology(name: string, overrides: Record<string, unknown> = {}): AnyTopology {
  const base = TOPOLOGIES[name];
  if (!base) throw new TopologyError(`unknown topology "${name}" (known: ${Object.keys(TOPOLOGIES).join(", ")})`, "name");
  return validateTopology(merge(base, overrides));
}
