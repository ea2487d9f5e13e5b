import path from "node:path";
import type { Validity } from "../checks/verdict.ts";
import { boundOrigin, ownTimingVerdict, requirementsFor, requirementText, type OwnTimingVerdict, type Requirement } from "../requirements/index.ts";
import type { ReportRun } from "./find-runs.ts";
import { checkFor, requirementsOf } from "./check-match.ts";
import { judgeRequirement } from "./requirement-verdict.ts";

/** One requirement judged on one run (or a check no requirement covers, with `id` undefined). */
export interface AcceptanceRow {
  id?: string;
  /** The requirement text with its threshold filled in, or the check name for an uncovered check. */
  text: string;
  source?: string;
  scenario: string;
  topology: string;
  runId: string;
  check: string;
  valid: Validity;
  metric?: string;
  measuredMs?: number;
  thresholdMs?: number;
  /** Where the bound in force comes from: its formula in words, a site override, or its stated source. */
  boundOrigin?: string;
  /**
   * "Consistent with its own timings": the bound's formula under the run's own tunables (summary.tunables),
   * judged on the same metric; absent for a requirement without a formula or a metric. Not folded into `valid`.
   */
  ownTiming?: OwnTimingVerdict;
  /** The measured window never closed before the run ended: `measuredMs` is a lower bound. */
  open?: true;
  /** Why the verdict differs from the check's, or what is missing. */
  note?: string;
  /** Evidence paths relative to the reports root: the run's timeline, its event history and its summary. */
  evidence: { timeline: string; history: string; summary: string };
}

/** Requirements judged over a set of runs, with requirements of scenarios no run exercised. */
export interface Acceptance {
  /** True only when there is at least one row and every row is valid. */
  accepted: boolean;
  rows: AcceptanceRow[];
  counts: { total: number; met: number; failed: number; unknown: number };
  /** Requirements whose scenario has no run among the inputs (not counted in `counts`). */
  notRun: Requirement[];
}

/**
 * Joins runs with the requirement table: one row per requirement of each run's scenario, judged by
 * {@link judgeRequirement} (the check's verdict, made false above the threshold in force, unknown when the check
 * or a bounded metric is missing); plus one row per reported check no requirement covers. Pure; `root` only makes evidence paths relative.
 */
export function acceptance(runs: readonly ReportRun[], table: readonly Requirement[], root: string): Acceptance {
  const rows = runs.flatMap((run) => runRows(run, table, root));
  const ran = new Set(runs.map((r) => r.summary.scenario));
  const notRun = table.filter((r) => r.scenario !== "*" && !ran.has(r.scenario));
  const failed = rows.filter((r) => r.valid === false).length;
  const unknown = rows.filter((r) => r.valid === "unknown").length;
  const met = rows.length - failed - unknown;
  return { accepted: rows.length > 0 && met === rows.length, rows, counts: { total: rows.length, met, failed, unknown }, notRun };
}

function runRows(run: ReportRun, table: readonly Requirement[], root: string): AcceptanceRow[] {
  const s = run.summary;
  const rel = path.relative(root, run.dir).split(path.sep).join("/");
  const evidence = { timeline: `${rel}/timeline.html`, history: `${rel}/history.jsonl`, summary: `${rel}/summary.json` };
  const base = { scenario: s.scenario, topology: s.topology, runId: s.runId, evidence };
  const all = requirementsFor(s.scenario, s.topology, table);
  // A conditional requirement the run did not report does not apply to it (e.g. a move that did not happen).
  const reqs = all.filter((r) => !r.conditional || checkFor(s.checks, r));
  const judged = reqs.map((r): AcceptanceRow => {
    const check = checkFor(s.checks, r);
    const judged = judgeRequirement(r, check, s.metrics);
    const origin = boundOrigin(r);
    const own = r.metric ? ownTimingVerdict(r, s.tunables, judged.measuredMs) : undefined;
    return {
      ...base,
      id: r.id,
      text: requirementText(r),
      source: r.source,
      check: r.title,
      ...(r.metric ? { metric: r.metric } : {}),
      ...(r.thresholdMs !== undefined ? { thresholdMs: r.thresholdMs } : {}),
      ...(origin ? { boundOrigin: origin } : {}),
      ...judged,
      ...(own ? { ownTiming: own } : {}),
    };
  });
  const uncovered = s.checks
    .filter((c) => requirementsOf(c, all).length === 0)
    .map((c): AcceptanceRow => ({ ...base, text: c.name, check: c.name, valid: c.valid, note: "no requirement covers this check" }));
  return [...judged, ...uncovered];
}
