import { readFileSync } from "node:fs";
import * as allure from "allure-js-commons";
import { formatSummary } from "./console-table.ts";
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

/**
 * True when an Allure test runtime is installed (allure-vitest's setup file sets one per test file).
 * allure-js-commons falls back to a no-op runtime otherwise, but that one warns on every call.
 */
export function allureActive(): boolean {
  return typeof (globalThis as { allureTestRuntime?: unknown }).allureTestRuntime === "function";
}

/**
 * Adds the run to the current Allure test: epic/feature/story and topology labels, one parameter per metric
 * (excluded from the history id so trends survive), summary, history, timeline and, unless the run passed, the logs.
 * Does nothing outside an Allure runtime; a missing file is skipped.
 */
export async function reportToAllure(summary: RunSummary, files: AllureFiles = {}): Promise<void> {
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
  await allure.parameter("runId", summary.runId, { excluded: true });
  for (const [name, value] of Object.entries(summary.metrics)) await allure.parameter(name, String(value), { excluded: true });
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
