import type { Validity } from "../checks/verdict.ts";
import { checkDigest } from "./check-digest.ts";
import type { ReportRun } from "./find-runs.ts";
import type { CheckResult } from "./summary.ts";

// XML 1.0 forbids most control characters even when escaped; they are dropped.
const INVALID_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text escaped for XML content and attribute values; characters XML 1.0 cannot carry are removed. Pure. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML, "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Options for {@link junitXml}. */
export interface JunitOptions {
  /** Extra text per check for `<system-out>`, e.g. its requirement id and measured value. */
  note?: (run: ReportRun, check: CheckResult) => string | undefined;
  /** Longest details JSON kept in a failure body; default 4000 characters. */
  maxDetails?: number;
}

const count = (checks: readonly CheckResult[], v: Validity) => checks.filter((c) => c.valid === v).length;
const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join("");

/**
 * JUnit XML of the runs: one `<testsuite>` per run (scenario), one `<testcase>` per check as recorded in summary.json;
 * `<failure>` for false, `<error type="unknown">` for unknown (unknown never passes). Pure.
 */
export function junitXml(runs: readonly ReportRun[], opts: JunitOptions = {}): string {
  const max = opts.maxDetails ?? 4000;
  const all = runs.flatMap((r) => r.summary.checks);
  const totalTime = runs.reduce((t, r) => t + r.summary.durationMs, 0) / 1000;
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attrs({ name: "haproof", tests: all.length, failures: count(all, false), errors: count(all, "unknown"), skipped: 0, time: totalTime })}>`,
  ];
  for (const run of runs) {
    const s = run.summary;
    out.push(
      `  <testsuite${attrs({ name: s.scenario, id: s.runId, tests: s.checks.length, failures: count(s.checks, false), errors: count(s.checks, "unknown"), skipped: 0, time: s.durationMs / 1000, timestamp: s.startedAt.replace(/Z$/, "") })}>`,
    );
    out.push(
      `    <properties>${[["topology", s.topology], ["runId", s.runId], ["verdict", s.verdict], ...Object.entries(s.metrics).map(([k, v]) => [`metric.${k}`, String(v)])]
        .map(([name, value]) => `<property${attrs({ name, value })}/>`)
        .join("")}</properties>`,
    );
    for (const c of s.checks) {
      const body: string[] = [];
      const details = JSON.stringify(c.details, null, 2) ?? "";
      const clipped = details.length > max ? `${details.slice(0, max)}\n… (${details.length - max} more characters in summary.json)` : details;
      if (c.valid === false) body.push(`<failure${attrs({ type: "check-failed", message: checkDigest(c, 200) })}>${xmlEscape(clipped)}</failure>`);
      if (c.valid === "unknown") body.push(`<error${attrs({ type: "unknown", message: `undecided: ${checkDigest(c, 200)}` })}>${xmlEscape(clipped)}</error>`);
      const note = opts.note?.(run, c);
      if (note) body.push(`<system-out>${xmlEscape(note)}</system-out>`);
      const open = `    <testcase${attrs({ classname: `haproof.${s.topology}.${s.scenario}`, name: c.name, time: 0 })}`;
      out.push(body.length ? `${open}>\n      ${body.join("\n      ")}\n    </testcase>` : `${open}/>`);
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
}
