import { z } from "zod";
import { defaultBoundMs, type AnyTimingBound } from "./timing-bound.ts";

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
  /** The check's short human title, the one place it is spelt: reports and the console print it as the check's name. */
  title: string;
  /** The requirement in plain words. */
  text: string;
  /** Summary metric holding the measured value, when the scenario records one. */
  metric?: string;
  /** Upper bound in milliseconds, where the requirement is numeric: `bound`'s value under the default tunables, or a site's override. */
  thresholdMs?: number;
  /** How `thresholdMs` follows from the topology's timings (formula and its text); absent for a bound of another source. */
  bound?: AnyTimingBound;
  /** Where a bound without a formula comes from (a site SLA, the guide's text, haproof's own budget). */
  boundSource?: string;
  /** Document and section, e.g. `PRISMA guide §Pacemaker`. */
  source: RequirementSource;
  /** Only for this topology (`prisma`, `clusterware`); absent: any topology. */
  topology?: string;
  /** Why a run may leave this check out (it is reported only when it applies); an unreported conditional check is not judged. */
  conditional?: string;
}

const nonEmpty = z.string().trim().min(1, "must not be empty");

/** Validates one requirement (unknown fields rejected, so a typo names itself). */
export const RequirementSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/, "must look like AREA-NAME (upper case, dash separated)"),
  scenario: nonEmpty,
  title: nonEmpty,
  text: nonEmpty,
  metric: nonEmpty.optional(),
  thresholdMs: z.number().positive().finite().optional(),
  bound: z.custom<AnyTimingBound>(isTimingBound, "must be a derived bound (terms, formula, text): defined in code, not JSON").optional(),
  boundSource: nonEmpty.optional(),
  source: nonEmpty,
  topology: nonEmpty.optional(),
  conditional: nonEmpty.optional(),
});

function isTimingBound(v: unknown): v is AnyTimingBound {
  const b = v as Partial<AnyTimingBound> | null;
  return typeof b === "object" && b !== null && (b.kind === "prisma" || b.kind === "clusterware") && typeof b.formula === "function" && typeof b.text === "string" && Array.isArray(b.terms);
}

/** A requirement's bound fields from formula `b`: the formula, and its value under the default tunables as thresholdMs. Pure. */
export function derived(b: AnyTimingBound): Pick<Requirement, "bound" | "thresholdMs"> {
  return { bound: b, thresholdMs: defaultBoundMs(b) };
}

/** A requirement's bound fields for a bound no formula gives: the value and where it comes from. Pure. */
export function budget(thresholdMs: number, source: string): Pick<Requirement, "thresholdMs" | "boundSource"> {
  return { thresholdMs, boundSource: source };
}

/**
 * Where `r`'s bound in force comes from, in words: its formula (when the value is the formula's under the
 * default tunables), a site override (when it is not: the formula's value named), or its stated source. Pure.
 */
export function boundOrigin(r: Pick<Requirement, "thresholdMs" | "bound" | "boundSource">): string | undefined {
  if (r.thresholdMs === undefined) return undefined;
  if (r.bound) {
    const byFormula = defaultBoundMs(r.bound);
    return byFormula === r.thresholdMs ? r.bound.text : `site override (the formula gives ${formatThreshold(byFormula)}: ${r.bound.text})`;
  }
  return r.boundSource ?? "site requirement";
}

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
