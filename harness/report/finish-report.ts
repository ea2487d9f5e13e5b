import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Verdict } from "../checks/verdict.ts";
import type { HistoryEvent } from "../history/event.ts";
import { reportToAllure } from "./allure.ts";
import { formatSummary } from "./console-table.ts";
import { writeRunReport, type RunReportFiles } from "./run-report.ts";
import { summarize, type CheckResult, type RunSummary } from "./summary.ts";

/** Where host logs come from; a Site fits (structural, so report depends on neither engine nor transport). */
export interface LogSource {
  hosts: readonly { name: string; logs(tail?: number): Promise<string> }[];
  /** The running topology, whose tunables the summary records when the input names none. */
  topology?: { tunables?: Readonly<Record<string, number>> };
}

/** Input of {@link finishReport}. */
export interface FinishReportInput {
  dir: string;
  runId: string;
  scenario: string;
  topology: string;
  startedAt: Date | string;
  durationMs?: number;
  /** The checks: by name, or listed (with their requirement ids). */
  verdicts: Record<string, Verdict> | readonly CheckResult[];
  metrics?: Record<string, number>;
  events: readonly HistoryEvent[];
  standIns?: string[];
  mutations?: readonly string[];
  /** The running topology's tunables; default `running.topology.tunables`. */
  tunables?: Readonly<Record<string, number>>;
  /** Container logs are fetched from it, written to `<dir>/logs/` and attached, when the run did not pass. */
  running?: LogSource;
  /** Lines of log per host; default 400. */
  logTail?: number;
  /** Prints the console table; default console.log. */
  print?: (text: string) => void;
}

/**
 * Ends a run's reporting: summarizes the verdicts, writes the report files (and `latest`), saves container logs
 * unless the run passed, prints the table, adds everything to the current Allure test, and returns the summary.
 */
export async function finishReport(input: FinishReportInput): Promise<RunSummary & { files: RunReportFiles }> {
  const summary = summarize({
    scenario: input.scenario,
    topology: input.topology,
    runId: input.runId,
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    checks: input.verdicts,
    metrics: input.metrics,
    standIns: input.standIns,
    mutations: input.mutations,
    tunables: input.tunables ?? input.running?.topology?.tunables,
  });
  const files = writeRunReport({ dir: input.dir, summary, events: input.events });
  const logs = summary.verdict === "pass" || !input.running ? {} : await collectLogs(input.running, input.dir, input.logTail ?? 400);
  (input.print ?? console.log)(`${formatSummary(summary)}\nreport: ${files.timelineHtml}`);
  await reportToAllure(summary, { ...files, logs });
  return { ...summary, files };
}

async function collectLogs(src: LogSource, dir: string, tail: number): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const logDir = path.join(dir, "logs");
  mkdirSync(logDir, { recursive: true });
  await Promise.all(
    src.hosts.map(async (h) => {
      // A dead or removed container is exactly when logs matter; record why they are missing instead of failing.
      const text = await h.logs(tail).catch((e: unknown) => `(no logs: ${e instanceof Error ? e.message : String(e)})`);
      out[h.name] = text;
      writeFileSync(path.join(logDir, `${h.name.replace(/[^\w.-]/g, "_")}.log`), text);
    }),
  );
  return out;
}
