import { worst } from "../checks/compose.ts";
import type { Validity, Verdict } from "../checks/verdict.ts";

/** A run's overall outcome: any false check fails it, else any unknown makes it unknown. */
export type RunVerdict = "pass" | "fail" | "unknown";

/** One check's verdict as recorded in a summary. */
export interface CheckResult {
  /** The requirement id the check reports; absent in summaries written before checks were keyed by id. */
  id?: string;
  /** The requirement's title (the check's human name). */
  name: string;
  valid: Validity;
  details: Record<string, unknown>;
}

/** What one run produced, as written to summary.json. */
export interface RunSummary {
  scenario: string;
  topology: string;
  verdict: RunVerdict;
  /** ISO 8601 wall clock of the run start. */
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
  metrics: Record<string, number>;
  runId: string;
  /** Components replaced by a stand-in (e.g. Pacemaker standing in for Oracle Clusterware). */
  standIns?: string[];
  /** Deliberate misconfigurations the topology was built with (a negative control); absent in real use. */
  mutations?: string[];
  /** The running topology's tunables (after any --set): what "consistent with its own timings" is judged by. */
  tunables?: Record<string, number>;
}

/** Input of {@link summarize}: checks by name or listed, times as Date or ISO. */
export interface SummaryInput {
  scenario: string;
  topology: string;
  runId: string;
  startedAt: Date | string;
  /** Duration; else endedAt - startedAt, where endedAt defaults to now. */
  durationMs?: number;
  endedAt?: Date | string;
  checks: Record<string, Verdict> | readonly CheckResult[];
  metrics?: Record<string, number>;
  standIns?: string[];
  mutations?: readonly string[];
  tunables?: Readonly<Record<string, number>>;
}

/** Maps a composed validity to a run verdict: false -> fail, unknown -> unknown, true -> pass. */
export function runVerdict(valid: Validity): RunVerdict {
  return valid === true ? "pass" : valid === false ? "fail" : "unknown";
}

/** Builds a RunSummary; the verdict is the worst check (no checks: unknown). Pure apart from the default endedAt. */
export function summarize(input: SummaryInput): RunSummary {
  const checks: CheckResult[] = Array.isArray(input.checks)
    ? (input.checks as readonly CheckResult[]).map((c) => ({ ...(c.id !== undefined ? { id: c.id } : {}), name: c.name, valid: c.valid, details: c.details }))
    : Object.entries(input.checks as Record<string, Verdict>).map(([name, v]) => ({ name, valid: v.valid, details: v.details }));
  const started = new Date(input.startedAt);
  const durationMs = input.durationMs ?? new Date(input.endedAt ?? Date.now()).getTime() - started.getTime();
  return {
    scenario: input.scenario,
    topology: input.topology,
    verdict: runVerdict(worst(checks.map((c) => c.valid))),
    startedAt: started.toISOString(),
    durationMs,
    checks,
    metrics: { ...(input.metrics ?? {}) },
    runId: input.runId,
    ...(input.standIns?.length ? { standIns: [...input.standIns] } : {}),
    ...(input.mutations?.length ? { mutations: [...input.mutations] } : {}),
    ...(input.tunables ? { tunables: { ...input.tunables } } : {}),
  };
}
