import { worst } from "../checks/compose.ts";
import type { Validity } from "../checks/verdict.ts";
import { formatThreshold, type Requirement } from "../requirements/index.ts";
import type { CheckResult } from "./summary.ts";

/** How one requirement fares on one run, per {@link judgeRequirement}. */
export interface RequirementJudgement {
  valid: Validity;
  /** The requirement's metric, when the run recorded it as a finite number. */
  measuredMs?: number;
  /** The measured window was still open when the run ended: `measuredMs` is only a lower bound. */
  open?: true;
  /** Why the verdict differs from the check's, or what is missing. */
  note?: string;
}

type Metrics = Readonly<Record<string, number | null | undefined>>;
const rec = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * True when the window a metric measures had not closed when the run ended (an outage that never recovered).
 * Read, first found wins: the metric companion `<metric>.open` (non-zero: open), the check's `details.openAtEnd`,
 * else an outage check's windows (`details.processes.<p>.windows[].recovered === false`). Pure.
 */
export function windowNeverClosed(check: Pick<CheckResult, "details"> | undefined, metrics: Metrics, metric: string): boolean {
  const companion = metrics[`${metric}.open`];
  if (typeof companion === "number" && !Number.isNaN(companion)) return companion !== 0;
  const d = check?.details;
  if (!rec(d)) return false;
  if (typeof d.openAtEnd === "boolean") return d.openAtEnd;
  if (!rec(d.processes)) return false;
  return Object.values(d.processes).some((p) => rec(p) && Array.isArray(p.windows) && p.windows.some((w) => rec(w) && w.recovered === false));
}

function missing(metric: string, raw: number | null | undefined): string {
  if (raw === undefined) return `metric ${metric} not recorded`;
  if (raw === null || Number.isNaN(raw)) return `metric ${metric} not measured (NaN)`;
  return `metric ${metric} is ${raw}, not a measurement`;
}

/**
 * The one acceptance rule for a requirement on a run. No check reported: unknown. A bounded requirement
 * (metric and thresholdMs) whose metric is absent or not finite: at best unknown (the bound cannot be judged);
 * measured above the bound: false; a window still open at the run's end and within the bound: at best unknown.
 * Otherwise the check's verdict. Never better than the check's own verdict. Pure.
 */
export function judgeRequirement(req: Pick<Requirement, "metric" | "thresholdMs">, check: Pick<CheckResult, "valid" | "details"> | undefined, metrics: Metrics): RequirementJudgement {
  const raw = req.metric === undefined ? undefined : metrics[req.metric];
  const measuredMs = typeof raw === "number" && Number.isFinite(raw) ? raw : undefined;
  const open = req.metric !== undefined && measuredMs !== undefined && windowNeverClosed(check, metrics, req.metric);
  const base = { ...(measuredMs !== undefined ? { measuredMs } : {}), ...(open ? { open: true as const } : {}) };
  if (!check) return { ...base, valid: "unknown", note: "the run did not report this check" };
  const bound = req.metric !== undefined ? req.thresholdMs : undefined;
  if (req.metric !== undefined && measuredMs === undefined) {
    const what = missing(req.metric, raw);
    if (bound === undefined) return { ...base, valid: check.valid, note: what };
    return { ...base, valid: worst([check.valid, "unknown"]), note: `${what}: the ${formatThreshold(bound)} bound cannot be judged` };
  }
  if (bound !== undefined && measuredMs !== undefined && measuredMs > bound) {
    return { ...base, valid: worst([check.valid, false]), ...(check.valid === true ? { note: "measured value exceeds the threshold in force" } : {}) };
  }
  if (bound !== undefined && open && check.valid === true) {
    return { ...base, valid: "unknown", note: "the window never closed: the measured value is only a lower bound" };
  }
  return { ...base, valid: check.valid };
}
