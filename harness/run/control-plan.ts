import type { Validity } from "../checks/index.ts";
import type { HistoryEvent } from "../history/index.ts";
import { checkDigest, checkFor, type RunSummary } from "../report/index.ts";
import { DEFAULT_REQUIREMENTS, requirementById } from "../requirements/index.ts";
import { RUNBOOK_CHECK, type Control } from "./controls.ts";

/** One topology build for controls: built with `mutations`, running `scenarios`, judging `controls`. */
export interface ControlGroup {
  topology: string;
  mutations: string[];
  scenarios: string[];
  controls: Control[];
}

const clash = (a: Control, b: Control) => a.mutation !== b.mutation && ((a.conflicts ?? []).some((c) => c.mutation === b.mutation) || (b.conflicts ?? []).some((c) => c.mutation === a.mutation));

/**
 * Groups controls into topology builds: one per control (each mutation alone, the faithful
 * default), or with `combined` as few per topology as the controls' `conflicts` allow, each carrying
 * all its controls' mutations (valid because each control's failing checks belong to its own
 * subsystem; a conflicting pair, whose runbooks cannot both run to the end, goes to separate builds). Pure.
 */
export function planControls(controls: readonly Control[], combined: boolean): ControlGroup[] {
  if (!combined) return controls.map((c) => ({ topology: c.topology, mutations: [c.mutation], scenarios: [c.scenario], controls: [c] }));
  const builds: { topology: string; controls: Control[] }[] = [];
  for (const c of controls) {
    const fit = builds.find((b) => b.topology === c.topology && !b.controls.some((o) => clash(o, c)));
    if (fit) fit.controls.push(c);
    else builds.push({ topology: c.topology, controls: [c] });
  }
  return builds.map(({ topology, controls: cs }) => ({
    topology,
    mutations: [...new Set(cs.map((c) => c.mutation))],
    scenarios: [...new Set(cs.map((c) => c.scenario))],
    controls: cs,
  }));
}

/** How often each fault was proved effective in a history: fault name -> count of `effective` events. Pure. */
export function provedFaults(events: readonly HistoryEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) if (e.kind === "fault" && e.phase === "effective") out[e.fault] = (out[e.fault] ?? 0) + 1;
  return out;
}

/** What a control's run left to judge it by: its summary, and the faults its history proved (undefined: unreadable). */
export interface ControlEvidence {
  summary: RunSummary;
  /** From {@link provedFaults} over the run's history.jsonl; undefined when that could not be read. */
  proved: Record<string, number> | undefined;
  /** Why the history could not be read. */
  historyError?: string;
}

/** A control's outcome: did it fail for the documented reason, after its fault took effect? */
export interface ControlResult {
  mutation: string;
  scenario: string;
  expected: "fail";
  actual: RunSummary["verdict"] | "missing";
  /**
   * true: the runbook ran to the end, every fault was proved, every named check said false. false: it ran
   * through with its faults proved and a named check did not say false (the scenario cannot see the
   * mutation). unknown: anything else (no run, a crash, a fault never proved, a named check unknown).
   */
  valid: Validity;
  /** Why `valid` is what it is, in one line. */
  reason: string;
  /** Every check that said false. */
  failedChecks: string[];
  /** The control's own failing checks with their figures ("name: digest"). */
  figures: string[];
  /** The control's own failing checks that did not say false (empty when it failed as documented). */
  notFailed: string[];
  /** Each demanded fault with how often the history proved it effective (undefined: history unreadable). */
  faults: { fault: string; times: number; proved?: number }[];
  /** valid === true. */
  ok: boolean;
  runId?: string;
}

/**
 * Judges `control` from its scenario's run on the mutated topology (undefined: it never wrote a summary).
 * A control counts only when the runbook ran to the end and every fault it names was proved effective as
 * often as it demands; a fail before that (a crash, which false checks still turn into "fail") is unknown. Pure.
 */
export function judgeControl(control: Control, run: ControlEvidence | undefined): ControlResult {
  const base = { mutation: control.mutation, scenario: control.scenario, expected: "fail" as const };
  const demanded = control.faults.map((f) => ({ ...f, ...(run?.proved ? { proved: run.proved[f.fault] ?? 0 } : {}) }));
  if (!run) {
    return { ...base, actual: "missing", valid: "unknown", reason: "the scenario wrote no summary", failedChecks: [], figures: [], notFailed: [...control.failing], faults: demanded, ok: false };
  }
  const { summary } = run;
  const failed = summary.checks.filter((c) => c.valid === false);
  const notFailed = control.failing.filter((id) => checkOf(summary, id)?.valid !== false);
  const figures = control.failing
    .map((id) => checkOf(summary, id))
    .filter((c) => c?.valid === false)
    .map((c) => `${c!.name}: ${checkDigest(c!, 120)}`);
  const { valid, reason } = verdictOf(control, run, demanded, notFailed);
  return {
    ...base,
    actual: summary.verdict,
    valid,
    reason,
    failedChecks: failed.map((c) => c.name),
    figures,
    notFailed,
    faults: demanded,
    ok: valid === true,
    runId: summary.runId,
  };
}

function verdictOf(control: Control, run: ControlEvidence, demanded: ControlResult["faults"], notFailed: string[]): { valid: Validity; reason: string } {
  const { summary } = run;
  const runbook = checkOf(summary, RUNBOOK_CHECK);
  if (runbook?.valid !== true) {
    const why = runbook ? String(runbook.details.error ?? runbook.valid) : "not reported";
    return { valid: "unknown", reason: `the runbook did not run to the end (${why}): the mutation was not shown to cause the failure` };
  }
  if (!run.proved) return { valid: "unknown", reason: `the run's history could not be read (${run.historyError ?? "no history"}): its faults are unproved` };
  const short = demanded.filter((f) => (f.proved ?? 0) < f.times);
  if (short.length) return { valid: "unknown", reason: `fault ${short.map((f) => `${f.fault} proved ${f.proved ?? 0} of ${f.times} times`).join(", ")}` };
  const named = control.failing.map((n) => ({ name: n, valid: checkOf(summary, n)?.valid }));
  const passed = named.filter((c) => c.valid === true).map((c) => c.name);
  if (passed.length) return { valid: false, reason: `the scenario did not see the mutation: ${passed.join(", ")} passed` };
  if (notFailed.length)
    return {
      valid: "unknown",
      reason: `${notFailed.join(", ")}: ${named
        .filter((c) => notFailed.includes(c.name))
        .map((c) => c.valid ?? "not reported")
        .join(", ")}`,
    };
  return { valid: true, reason: "failed as documented after its faults took effect" };
}

/** `summary`'s check reporting requirement `id`; a summary written before checks carried ids is matched by the title. */
function checkOf(summary: RunSummary, id: string): RunSummary["checks"][number] | undefined {
  return checkFor(summary.checks, { id, title: requirementById(id, DEFAULT_REQUIREMENTS)?.title ?? id });
}
