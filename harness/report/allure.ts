import { readFileSync } from "node:fs";
import path from "node:path";
import * as allure from "allure-js-commons";
import { Status } from "allure-js-commons";
import { requirements, type Requirement } from "../requirements/index.ts";
import { acceptance, type AcceptanceRow } from "./acceptance.ts";
import { measuredVsThreshold } from "./acceptance-markdown.ts";
import { formatSummary } from "./console-table.ts";
import { formatMetric } from "./format.ts";
import type { RunSummary } from "./summary.ts";
import { summaryJson } from "./write-summary.ts";

/** Files to attach, as paths (as {@link writeRunReport} returns them), plus container logs by host as text. */
export interface AllureFiles {
  history?: string;
  timelineSvg?: string;
  timelineHtml?: string;
  /** host -> log text; attached only when the verdict is not pass. */
  logs?: Record<string, string>;
}

/** Options for {@link reportToAllure}. */
export interface ReportToAllureOptions {
  /** Requirement table the run is judged against; default the one in force (none when it cannot be read). */
  requirements?: readonly Requirement[];
}

const STATUS = (v: AcceptanceRow["valid"]) => (v === true ? Status.PASSED : v === false ? Status.FAILED : Status.BROKEN);

function tableInForce(): readonly Requirement[] {
  try {
    return requirements();
  } catch {
    return []; // a malformed site override already failed the scenario's own threshold lookups
  }
}

/**
 * True when an Allure test runtime is installed (allure-vitest's setup file sets one per test file).
 * allure-js-commons falls back to a no-op runtime otherwise, but that one warns on every call.
 */
export function allureActive(): boolean {
  return typeof (globalThis as { allureTestRuntime?: unknown }).allureTestRuntime === "function";
}

/**
 * Adds the run to the current Allure test: epic/feature/story and topology labels; each requirement of the scenario
 * as a tag and as a step with its verdict and the comparison that decided it; one parameter per metric (the comparison
 * with its bound when a requirement bounds it; excluded from the history id so trends survive); links to the run's
 * timeline, history and summary and to acceptance.md (relative to `<reports>/allure-report/`, where the report is generated);
 * the summary, history, timeline and, unless the run passed, the logs as attachments.
 * Does nothing outside an Allure runtime; a missing file is skipped.
 */
export async function reportToAllure(summary: RunSummary, files: AllureFiles = {}, opts: ReportToAllureOptions = {}): Promise<void> {
  if (!allureActive()) return;
  await allure.epic("haproof");
  await allure.feature(summary.topology);
  await allure.story(summary.scenario);
  await allure.label("topology", summary.topology);
  // Negative controls get their own suite, so they never read as the real topology's results.
  if (summary.mutations?.length) {
    await allure.parentSuite("negative controls");
    await allure.label("mutation", summary.mutations.join("+"));
  }
  const dir = [files.timelineHtml, files.history, files.timelineSvg].find((f) => f !== undefined);
  const runDir = dir ? path.dirname(dir) : path.join("reports", summary.runId);
  const rows = acceptance([{ dir: runDir, summary }], opts.requirements ?? tableInForce(), path.dirname(runDir)).rows.filter((r) => r.id);
  await allure.parameter("runId", summary.runId, { excluded: true });
  for (const [name, value] of Object.entries(summary.metrics)) {
    const bounded = rows.filter((r) => r.metric === name && r.thresholdMs !== undefined);
    const text = bounded.length ? [...new Set(bounded.map((r) => measuredVsThreshold(r)))].join("; ") : formatMetric(name, value);
    await allure.parameter(name, text, { excluded: true });
  }
  for (const r of rows) await allure.tag(r.id!);
  for (const r of rows) {
    const cmp = measuredVsThreshold(r);
    await allure.logStep(`${r.id}: ${r.text}${cmp ? ` — ${cmp}` : ""}${r.note ? ` (${r.note})` : ""}`, STATUS(r.valid));
  }
  if (dir) {
    const rel = path.basename(runDir);
    for (const f of ["timeline.html", "history.jsonl", "summary.json"]) await allure.link(`../${rel}/${f}`, f);
    await allure.link("../acceptance.md", "acceptance.md");
  }
  await allure.attachment("summary.txt", formatSummary(summary, { color: false }), { contentType: "text/plain" });
  await allure.attachment("summary.json", summaryJson(summary), { contentType: "application/json" });
  await attachFile("history.jsonl", files.history, "application/x-ndjson", "jsonl");
  await attachFile("timeline.svg", files.timelineSvg, "image/svg+xml", "svg");
  await attachFile("timeline.html", files.timelineHtml, "text/html", "html");
  if (summary.verdict !== "pass") {
    for (const [host, log] of Object.entries(files.logs ?? {})) await allure.attachment(`log: ${host}`, log, { contentType: "text/plain" });
  }
}

/** Runs `fn` as a named Allure step (a runbook line) and returns its result; outside Allure it just runs `fn`. */
export async function allureStep<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  if (!allureActive()) return await fn();
  return await allure.step(name, () => fn());
}

async function attachFile(name: string, file: string | undefined, contentType: string, fileExtension: string): Promise<void> {
  if (!file) return;
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return; // a report file that was never written is not worth failing the test over
  }
  await allure.attachment(name, content, { contentType, fileExtension });
}
