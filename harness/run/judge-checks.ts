import { guard, verdict, type Verdict } from "../checks/index.ts";
import type { HistoryEvent } from "../history/index.ts";
import { METRICS_CHECK, METRICS_CHECK_ID, measureMetrics, type CheckResult } from "../report/index.ts";
import { requirements, requirementsFor, type Requirement, type RequirementId } from "../requirements/index.ts";
import { RUNBOOK_CHECK } from "./controls.ts";

/** A check as a scenario declares it: a pure function of the run's history. */
export type Check<V extends Verdict<object> = Verdict<object>> = (events: readonly HistoryEvent[]) => V;

/** A scenario's checks, keyed by the id of the requirement each one reports (its title lives in the table). */
export type Checks = { [K in RequirementId]?: Check };

/** The verdicts of checks `C`, by the same ids, each typed as its check returns it. */
export type VerdictsOf<C> = { [K in keyof C]: NonNullable<C[K]> extends Check<infer V> ? V : never };

/**
 * A scenario's metrics beyond those its requirement rows take from their checks' `verdict.metric`
 * (and overriding them by name); a metric given as undefined or NaN is recorded as not measured.
 */
export type MetricsOf<C> = (v: VerdictsOf<C>) => Readonly<Record<string, number | undefined>>;

/** What {@link judgeChecks} returns: the summary's checks (runbook and metrics checks included) and its metrics. */
export interface JudgedChecks {
  checks: CheckResult[];
  metrics: Record<string, number>;
  /** The metrics function's error, when it threw (then reported as the unknown {@link METRICS_CHECK}). */
  metricsError?: string;
}

/** Options of {@link judgeChecks}. */
export interface JudgeChecksOptions<C> {
  /** The harness crash of the runbook, if any: the runbook check is then unknown. */
  crash?: string;
  metrics?: MetricsOf<C>;
  /** Default: the table in force. */
  table?: readonly Requirement[];
}

/**
 * Runs each check on `events` under its requirement's title (a throwing check is unknown; an id that is no
 * requirement of `scenario` is unknown, naming it), adds the runbook check, takes each requirement row's metric from
 * its check's `verdict.metric` (NaN when the check measured none), then applies `metrics` (a throw adds the
 * unknown {@link METRICS_CHECK} and keeps only the rows' metrics). Pure apart from the metrics function's own effects.
 */
export function judgeChecks<C extends Checks>(scenario: string, checks: C, events: readonly HistoryEvent[], o: JudgeChecksOptions<C> = {}): JudgedChecks {
  const table = o.table ?? requirements();
  const mine = requirementsFor(scenario, undefined, table).filter((r) => r.scenario !== "*");
  const verdicts: Record<string, Verdict<object>> = {};
  const results: CheckResult[] = [];
  const report = (id: string, name: string, v: Verdict<object>) => {
    verdicts[id] = v;
    results.push({ id, name, valid: v.valid, details: v.details as Record<string, unknown> });
  };
  for (const [id, check] of Object.entries(checks) as [string, Check | undefined][]) {
    if (!check) continue;
    const req = mine.find((r) => r.id === id);
    report(id, req?.title ?? id, req ? guard(req.title, check)(events) : verdict("unknown", { reason: `${id} is no requirement of scenario ${scenario}: its check cannot be judged` }));
  }
  const runbook = table.find((r) => r.id === RUNBOOK_CHECK)?.title ?? "the runbook ran to the end";
  report(RUNBOOK_CHECK, runbook, o.crash ? verdict("unknown", { error: o.crash }) : verdict(true, {}));

  const metrics: Record<string, number> = {};
  for (const r of mine) {
    const v = verdicts[r.id];
    if (r.metric && v) metrics[r.metric] = typeof v.metric === "number" ? v.metric : Number.NaN;
  }
  if (!o.metrics) return { checks: results, metrics };
  const measured = measureMetrics(o.metrics, verdicts as VerdictsOf<C>);
  if (measured.failed) {
    results.push({ id: METRICS_CHECK_ID, name: METRICS_CHECK, valid: measured.failed.valid, details: measured.failed.details });
    return { checks: results, metrics, metricsError: String(measured.failed.details.error) };
  }
  return { checks: results, metrics: { ...metrics, ...measured.metrics } };
}
