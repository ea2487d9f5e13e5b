import { z } from "zod";

/** Where a requirement comes from: the PRISMA HA guide, the Clusterware paper, or haproof's own design. */
export type RequirementSource = string;

/**
 * One acceptance requirement, bound to one check of one scenario.
 * `text` may contain `{threshold}`, rendered from `thresholdMs` (so a site override keeps the text true).
 */
export interface Requirement {
  /** Stable id, e.g. `PRISMA-CTRL-VIP-MOVE`; unique in the table. */
  id: string;
  /** Scenario name (`node-loss`), or `*` for a check every scenario reports. */
  scenario: string;
  /** The check name exactly as the scenario passes it to `run.finish`. */
  check: string;
  /** The requirement in plain words. */
  text: string;
  /** Summary metric holding the measured value, when the scenario records one. */
  metric?: string;
  /** Upper bound in milliseconds, where the requirement is numeric. */
  thresholdMs?: number;
  /** Document and section, e.g. `PRISMA guide §Pacemaker`. */
  source: RequirementSource;
  /** Only for this topology (`prisma`, `clusterware`); absent: any topology. */
  topology?: string;
}

const nonEmpty = z.string().trim().min(1, "must not be empty");

/** Validates one requirement (unknown fields rejected, so a typo names itself). */
export const RequirementSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/, "must look like AREA-NAME (upper case, dash separated)"),
  scenario: nonEmpty,
  check: nonEmpty,
  text: nonEmpty,
  metric: nonEmpty.optional(),
  thresholdMs: z.number().positive().finite().optional(),
  source: nonEmpty,
  topology: nonEmpty.optional(),
});

/** The requirement text with `{threshold}` filled in ("30 s", "1.5 s", "800 ms"). Pure. */
export function requirementText(r: Pick<Requirement, "text" | "thresholdMs">): string {
  return r.thresholdMs === undefined ? r.text : r.text.replaceAll("{threshold}", formatThreshold(r.thresholdMs));
}

/** A threshold for prose: whole seconds as "30 s", else "1.5 s", below a second "800 ms". Pure. */
export function formatThreshold(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}
