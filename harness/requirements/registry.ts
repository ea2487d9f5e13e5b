import { CLUSTERWARE_REQUIREMENTS } from "./clusterware-requirements.ts";
import { CONTROLLER_REQUIREMENTS } from "./controller-requirements.ts";
import { DATA_REQUIREMENTS } from "./data-requirements.ts";
import { loadRequirementsOverride, overrideFile } from "./override.ts";
import type { Requirement } from "./requirement.ts";
import { SERVICE_REQUIREMENTS } from "./service-requirements.ts";
import { HARNESS_REQUIREMENTS } from "./harness-requirements.ts";

/** Every id of the default table: what a scenario keys its checks by. */
export type RequirementId =
  | (typeof CONTROLLER_REQUIREMENTS)[number]["id"]
  | (typeof DATA_REQUIREMENTS)[number]["id"]
  | (typeof SERVICE_REQUIREMENTS)[number]["id"]
  | (typeof CLUSTERWARE_REQUIREMENTS)[number]["id"]
  | (typeof HARNESS_REQUIREMENTS)[number]["id"];

/** The documented defaults, before any site override. */
export const DEFAULT_REQUIREMENTS: readonly Requirement[] = [...CONTROLLER_REQUIREMENTS, ...DATA_REQUIREMENTS, ...SERVICE_REQUIREMENTS, ...CLUSTERWARE_REQUIREMENTS, ...HARNESS_REQUIREMENTS];

/** A lookup that matched no requirement, or more than one with different thresholds. */
export class UnknownRequirementError extends Error {
  constructor(
    readonly scenario: string,
    readonly key: string,
    reason: string,
  ) {
    super(`requirement for ${scenario} / ${JSON.stringify(key)}: ${reason}`);
    this.name = "UnknownRequirementError";
  }
}

let cached: { file: string | undefined; table: readonly Requirement[] } | undefined;

/**
 * The requirement table in force: the defaults with the site override applied (see overrideFile).
 * Read once per process and per override path; throws RequirementsError on a malformed override.
 */
export function requirements(): readonly Requirement[] {
  const file = overrideFile();
  if (!cached || cached.file !== file) {
    cached = { file, table: file ? loadRequirementsOverride(DEFAULT_REQUIREMENTS, file) : DEFAULT_REQUIREMENTS };
  }
  return cached.table;
}

/** Requirements that apply to `scenario` (and `topology` when given), including the `*` ones; table order. */
export function requirementsFor(scenario: string, topology?: string, table: readonly Requirement[] = requirements()): Requirement[] {
  return table.filter((r) => (r.scenario === scenario || r.scenario === "*") && (!topology || !r.topology || r.topology === topology));
}

/** The requirement with id `id` in `table`, or undefined. Pure. */
export function requirementById(id: string, table: readonly Requirement[] = requirements()): Requirement | undefined {
  return table.find((r) => r.id === id);
}

/**
 * The threshold in ms of `scenario`'s requirement whose metric or id is `key`.
 * Throws UnknownRequirementError when none matches, none has a threshold, or matches disagree.
 */
export function thresholdMs(scenario: string, key: string, topology?: string, table: readonly Requirement[] = requirements()): number {
  const matches = requirementsFor(scenario, topology, table).filter((r) => r.metric === key || r.id === key);
  if (matches.length === 0) throw new UnknownRequirementError(scenario, key, "no requirement has this metric or id");
  const values = [...new Set(matches.map((r) => r.thresholdMs).filter((t): t is number => t !== undefined))];
  if (values.length === 0) throw new UnknownRequirementError(scenario, key, `${matches.map((r) => r.id).join(", ")} has no threshold`);
  if (values.length > 1) throw new UnknownRequirementError(scenario, key, `matches disagree (${matches.map((r) => `${r.id}=${r.thresholdMs}`).join(", ")}); pass the topology`);
  return values[0];
}
