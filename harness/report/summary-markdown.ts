import { checkDigest } from "./check-digest.ts";
import { formatMetric } from "./format.ts";
import type { RunSummary } from "./summary.ts";

const WORD: Record<string, string> = { true: "PASS", false: "**FAIL**", unknown: "UNKNOWN" };
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The summary as Markdown (heading, checks table, metrics table, stand-ins). Pure. */
export function summaryMarkdown(s: RunSummary): string {
  const out = [
    `# ${s.scenario}: ${s.verdict.toUpperCase()}`,
    "",
    `- topology: \`${s.topology}\``,
    `- run: \`${s.runId}\``,
    `- started: ${s.startedAt}`,
    `- duration: ${formatMetric("durationMs", s.durationMs)}`,
  ];
  if (s.standIns?.length) out.push(`- stand-ins: ${s.standIns.join(", ")}`);
  if (s.mutations?.length) out.push(`- negative control, built wrong on purpose: ${s.mutations.join(", ")}`);
  out.push("", "## Checks", "", "| check | verdict | detail |", "|---|---|---|");
  for (const c of s.checks) out.push(`| ${cell(c.name)} | ${WORD[String(c.valid)]} | ${cell(checkDigest(c, 200))} |`);
  if (s.checks.length === 0) out.push("| (none) | UNKNOWN | no checks ran |");
  const metrics = Object.entries(s.metrics);
  if (metrics.length) {
    out.push("", "## Metrics", "", "| metric | value |", "|---|---|");
    for (const [k, v] of metrics) out.push(`| ${cell(k)} | ${formatMetric(k, v)} |`);
  }
  out.push("", "Full check details are in `summary.json`; the timeline is `timeline.html`.", "");
  return out.join("\n");
}
