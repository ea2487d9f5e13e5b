import { checkDigest } from "./check-digest.ts";
import { formatMetric } from "./format.ts";
import type { RunSummary } from "./summary.ts";
import type { Validity } from "../checks/verdict.ts";

/** Options for {@link formatSummary}. */
export interface FormatSummaryOptions {
  /** ANSI colours; default: when stdout is a TTY and NO_COLOR is unset. */
  color?: boolean;
}

const ANSI = { green: 32, red: 31, yellow: 33, bold: 1, dim: 2 } as const;
const WORD: Record<string, string> = { true: "PASS", false: "FAIL", unknown: "UNKNOWN" };
const TONE: Record<string, keyof typeof ANSI> = { PASS: "green", FAIL: "red", UNKNOWN: "yellow" };

/** A short plain-text table of a run: one line per check (verdict and digest), each metric, then the overall verdict. Pure. */
export function formatSummary(summary: RunSummary, opts: FormatSummaryOptions = {}): string {
  const color = opts.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const paint = (s: string, c: keyof typeof ANSI) => (color ? `\x1b[${ANSI[c]}m${s}\x1b[0m` : s);
  const word = (v: Validity) => WORD[String(v)]!;
  const lines: string[] = [];
  lines.push(paint(`${summary.scenario} on ${summary.topology}`, "bold") + paint(`  run ${summary.runId}, ${(summary.durationMs / 1000).toFixed(1)} s`, "dim"));
  if (summary.standIns?.length) lines.push(paint(`stand-ins: ${summary.standIns.join(", ")}`, "dim"));
  if (summary.mutations?.length) lines.push(paint(`NEGATIVE CONTROL: built wrong on purpose (${summary.mutations.join(", ")})`, "dim"));

  const nameW = Math.max(5, ...summary.checks.map((c) => c.name.length));
  lines.push("", `${"CHECK".padEnd(nameW)}  ${"VERDICT".padEnd(7)}  DETAIL`);
  if (summary.checks.length === 0) lines.push(paint("(no checks)", "dim"));
  for (const c of summary.checks) {
    const w = word(c.valid);
    lines.push(`${c.name.padEnd(nameW)}  ${paint(w.padEnd(7), TONE[w]!)}  ${checkDigest(c)}`);
  }

  const metrics = Object.entries(summary.metrics);
  if (metrics.length) {
    const mW = Math.max(6, ...metrics.map(([k]) => k.length));
    lines.push("", `${"METRIC".padEnd(mW)}  VALUE`);
    for (const [k, v] of metrics) lines.push(`${k.padEnd(mW)}  ${formatMetric(k, v)}`);
  }

  const overall = summary.verdict.toUpperCase();
  lines.push("", paint(`VERDICT: ${overall}`, TONE[overall] ?? "yellow"));
  return lines.join("\n");
}
