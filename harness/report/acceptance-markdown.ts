import { formatThreshold, requirementText } from "../requirements/index.ts";
import type { Acceptance, AcceptanceRow } from "./acceptance.ts";
import { boundText } from "./bound-text.ts";
import type { ReportRun } from "./find-runs.ts";

const VERDICT = (v: AcceptanceRow["valid"]) => (v === true ? "PASS" : v === false ? "**FAIL**" : "**UNKNOWN**");
const cell = (s: string) => s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The verdict in plain words: "All N requirements met" or "NOT ACCEPTED: 2 failed, 1 unknown". Pure. */
export function acceptanceHeadline(a: Acceptance): string {
  const { total, failed, unknown } = a.counts;
  if (total === 0) return "NOT ACCEPTED: no requirement was exercised";
  if (a.accepted) return `All ${plural(total, "requirement")} met`;
  return `NOT ACCEPTED: ${[failed ? `${failed} failed` : "", unknown ? `${unknown} unknown` : ""].filter(Boolean).join(", ")} (of ${plural(total, "requirement")})`;
}

/**
 * The comparison that decided a row: "9.8 s ≤ 30 s", "93.3 s > 90 s", "not recorded (bound 30 s)",
 * "≥ 64.5 s, never recovered (bound 90 s)"; "bound 30 s, judged by the check" when the requirement has a bound
 * but no metric; "" when it has neither. Pure.
 */
export function measuredVsThreshold(row: Pick<AcceptanceRow, "measuredMs" | "thresholdMs" | "metric" | "open">): string {
  const { measuredMs: m, thresholdMs: t } = row;
  if (t !== undefined && m === undefined && row.metric === undefined) return `bound ${formatThreshold(t)}, judged by the check`;
  return boundText(m, t, row.open === true);
}

/** The "consistent with its own timings" cell: "yes (≤ 63 s)", "NO (70.0 s > 63 s)", "unknown (...)", "" when not applicable. Pure. */
export function ownTimingCell(row: Pick<AcceptanceRow, "ownTiming" | "measuredMs">): string {
  const o = row.ownTiming;
  if (!o) return "";
  if (o.valid === true) return `yes (≤ ${formatThreshold(o.boundMs!)})`;
  if (o.valid === false) return `NO (${boundText(row.measuredMs, o.boundMs, false)})`;
  return `unknown (${o.note ?? "not judged"}${o.boundMs !== undefined ? `; bound ${formatThreshold(o.boundMs)}` : ""})`;
}

/** The evidence links of a row: its test in the Allure report (when known), timeline, history and summary. Pure. */
export function evidenceLinks(row: Pick<AcceptanceRow, "evidence" | "runId">, allureTests: Readonly<Record<string, string>> = {}): string {
  const test = allureTests[row.runId];
  const { timeline, history, summary } = row.evidence;
  return [...(test ? [`[Allure test](${test})`] : []), `[timeline](${timeline})`, `[history](${history})`, `[summary](${summary})`].join(" · ");
}

/** Options for {@link acceptanceMarkdown}. */
export interface AcceptanceMarkdownOptions {
  /** Relative link to the generated Allure report, when there is one. */
  allureIndex?: string;
  /** Link to each run's test in that report, by run id (see allureTestLinks). */
  allureTests?: Readonly<Record<string, string>>;
  /** Generation time for the heading; default now. */
  generatedAt?: Date;
}

/**
 * `acceptance.md`: the headline, every failed or unknown requirement by name, the runs judged, one row per
 * requirement (id, text, scenario, verdict, the comparison that decided it, links to its Allure test, timeline,
 * history and summary) and the requirements no run exercised. Pure.
 */
export function acceptanceMarkdown(a: Acceptance, runs: readonly ReportRun[], opts: AcceptanceMarkdownOptions = {}): string {
  const out: string[] = [`# haproof acceptance: ${a.accepted ? "ACCEPTED" : "NOT ACCEPTED"}`, "", `**${acceptanceHeadline(a)}.**`, ""];
  const bad = a.rows.filter((r) => r.valid !== true);
  for (const r of bad) out.push(`- ${VERDICT(r.valid)} ${r.id ?? "(no requirement)"} (${r.scenario}): ${cell(r.text)}${r.note ? ` — ${r.note}` : ""}`);
  if (bad.length) out.push("");
  out.push(
    `Generated ${(opts.generatedAt ?? new Date()).toISOString()} from ${plural(runs.length, "run")}.${opts.allureIndex ? ` Allure report: [${opts.allureIndex}](${opts.allureIndex}).` : ""}`,
    "",
  );

  out.push("## Runs", "", "| scenario | topology | run | started | verdict | evidence |", "|---|---|---|---|---|---|");
  for (const { summary: s } of runs) {
    const row = a.rows.find((r) => r.runId === s.runId);
    const ev = row ? evidenceLinks(row, opts.allureTests) : "";
    out.push(`| ${s.scenario} | ${s.topology} | \`${s.runId}\` | ${s.startedAt} | ${s.verdict.toUpperCase()} | ${ev} |`);
  }

  out.push("", "## Requirements", "", "| id | requirement | scenario | verdict | measured vs threshold | evidence | consistent with its own timings |", "|---|---|---|---|---|---|---|");
  for (const r of a.rows) {
    const origin = r.boundOrigin ? ` <br><sub>bound: ${cell(r.boundOrigin)}</sub>` : "";
    const text = `${cell(r.text)}${r.source ? ` <br><sub>${cell(r.source)}</sub>` : ""}${r.note ? ` <br><sub>${cell(r.note)}</sub>` : ""}${origin}`;
    out.push(`| ${r.id ?? "—"} | ${text} | ${r.scenario} | ${VERDICT(r.valid)} | ${cell(measuredVsThreshold(r))} | ${evidenceLinks(r, opts.allureTests)} | ${cell(ownTimingCell(r))} |`);
  }

  if (a.notRun.length) {
    const scenarios = [...new Set(a.notRun.map((r) => r.scenario))];
    out.push("", "## Not exercised yet", "", `No run of ${scenarios.join(", ")}; these requirements are not counted above.`, "");
    out.push("| id | requirement | scenario | source |", "|---|---|---|---|");
    for (const r of a.notRun) out.push(`| ${r.id} | ${cell(requirementText(r))} | ${r.scenario}${r.topology ? ` (${r.topology})` : ""} | ${cell(r.source)} |`);
  }
  return out.join("\n") + "\n";
}
