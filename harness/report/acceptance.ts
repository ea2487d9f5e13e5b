import path from "node:path";
import { worst } from "../checks/compose.ts";
import type { Validity } from "../checks/verdict.ts";
import { requirementsFor, requirementText, type Requirement } from "../requirements/index.ts";
import type { ReportRun } from "./find-runs.ts";

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
  /** Why the verdict differs from the check's, or what is missing. */
  note?: string;
  /** Evidence paths relative to the reports root. */
  evidence: { timeline: string; summary: string };
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
 * Joins runs with the requirement table: one row per requirement of each run's scenario, its verdict the check's,
 * made false when the measured metric exceeds the threshold in force, unknown when the run did not report the check;
 * plus one row per reported check no requirement covers. Pure; `root` only makes evidence paths relative.
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
  const base = { scenario: s.scenario, topology: s.topology, runId: s.runId, evidence: { timeline: `${rel}/timeline.html`, summary: `${rel}/summary.json` } };
  const reqs = requirementsFor(s.scenario, s.topology, table);
  const covered = new Set(reqs.map((r) => r.check));
  const judged = reqs.map((r): AcceptanceRow => {
    const check = s.checks.find((c) => c.name === r.check);
    const measured = r.metric === undefined ? undefined : s.metrics[r.metric];
    const row: AcceptanceRow = {
      ...base, id: r.id, text: requirementText(r), source: r.source, check: r.check, valid: check?.valid ?? "unknown",
      ...(r.metric ? { metric: r.metric } : {}),
      ...(typeof measured === "number" && Number.isFinite(measured) ? { measuredMs: measured } : {}),
      ...(r.thresholdMs !== undefined ? { thresholdMs: r.thresholdMs } : {}),
    };
    if (!check) return { ...row, note: "the run did not report this check" };
    if (row.measuredMs !== undefined && row.thresholdMs !== undefined && row.measuredMs > row.thresholdMs) {
      const note = check.valid === true ? "measured value exceeds the threshold in force" : undefined;
      return { ...row, valid: worst([check.valid, false]), ...(note ? { note } : {}) };
    }
    if (r.metric && row.measuredMs === undefined) return { ...row, note: `metric ${r.metric} not recorded` };
    return row;
  });
  const uncovered = s.checks
    .filter((c) => !covered.has(c.name))
    .map((c): AcceptanceRow => ({ ...base, text: c.name, check: c.name, valid: c.valid, note: "no requirement covers this check" }));
  return [...judged, ...uncovered];
}
