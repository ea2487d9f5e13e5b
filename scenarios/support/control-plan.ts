import { checkDigest, type RunSummary } from "../../harness/report/index.ts";
import type { Control } from "./controls.ts";

/** One topology build for controls: built with `mutations`, running `scenarios`, judging `controls`. */
export interface ControlGroup {
  topology: string;
  mutations: string[];
  scenarios: string[];
  controls: Control[];
}

/**
 * Groups controls into topology builds: one per control (each mutation alone, the faithful
 * default), or with `combined` one per topology carrying all its controls' mutations (one bring-up;
 * valid because each control's failing checks belong to its own subsystem). Pure.
 */
export function planControls(controls: readonly Control[], combined: boolean): ControlGroup[] {
  if (!combined) return controls.map((c) => ({ topology: c.topology, mutations: [c.mutation], scenarios: [c.scenario], controls: [c] }));
  const byTopology = new Map<string, Control[]>();
  for (const c of controls) byTopology.set(c.topology, [...(byTopology.get(c.topology) ?? []), c]);
  return [...byTopology].map(([topology, cs]) => ({
    topology,
    mutations: [...new Set(cs.map((c) => c.mutation))],
    scenarios: [...new Set(cs.map((c) => c.scenario))],
    controls: cs,
  }));
}

/** A control's outcome: did it fail for the documented reason? */
export interface ControlResult {
  mutation: string;
  scenario: string;
  expected: "fail";
  actual: RunSummary["verdict"] | "missing";
  /** Every check that said false. */
  failedChecks: string[];
  /** The control's own failing checks with their figures ("name: digest"). */
  figures: string[];
  /** The control's own failing checks that did not say false (empty when it failed as documented). */
  notFailed: string[];
  ok: boolean;
  runId?: string;
}

/** Judges `control` from the summary of its scenario's run on the mutated topology (undefined: it never wrote one). Pure. */
export function judgeControl(control: Control, summary: RunSummary | undefined): ControlResult {
  const base = { mutation: control.mutation, scenario: control.scenario, expected: "fail" as const };
  if (!summary) return { ...base, actual: "missing", failedChecks: [], figures: [], notFailed: [...control.failing], ok: false };
  const failed = summary.checks.filter((c) => c.valid === false);
  const notFailed = control.failing.filter((n) => !failed.some((c) => c.name === n));
  const figures = failed.filter((c) => control.failing.includes(c.name)).map((c) => `${c.name}: ${checkDigest(c, 120)}`);
  return {
    ...base, actual: summary.verdict, failedChecks: failed.map((c) => c.name), figures, notFailed,
    ok: summary.verdict === "fail" && notFailed.length === 0, runId: summary.runId,
  };
}
