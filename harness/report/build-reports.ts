import { writeFileSync } from "node:fs";
import path from "node:path";
import { requirements, type Requirement } from "../requirements/index.ts";
import { acceptance, type Acceptance } from "./acceptance.ts";
import { acceptanceMarkdown, measuredVsThreshold } from "./acceptance-markdown.ts";
import { generateAllure, type AllureGenerateResult } from "./allure-generate.ts";
import { allureTestLinks } from "./allure-tests.ts";
import { findRuns, type FoundRuns } from "./find-runs.ts";
import { junitXml } from "./junit.ts";

/** No run summary was found under the reports root: nothing to judge (bad usage, exit code 2). */
export class NoRunsError extends Error {
  constructor(
    readonly root: string,
    readonly skipped: FoundRuns["skipped"],
  ) {
    const why = skipped.length ? `; unusable: ${skipped.map((s) => `${path.basename(s.dir)} (${s.reason})`).join(", ")}` : "";
    super(`no run summary found under ${root} (run a scenario first: npm run scenario node-loss)${why}`);
    this.name = "NoRunsError";
  }
}

/** Options for {@link buildReports}. */
export interface BuildReportsOptions {
  /** The reports root (REPORTS_DIR in the CLI). */
  root: string;
  /** Judge every run instead of the newest per scenario. */
  all?: boolean;
  /** Run `allure generate`; default true. */
  allure?: boolean;
  /** The Allure CLI; default ALLURE_BIN. */
  allureBin?: string;
  /** Requirement table; default the one in force (defaults plus site override). */
  table?: readonly Requirement[];
}

/** What {@link buildReports} produced. */
export interface BuiltReports extends FoundRuns {
  acceptance: Acceptance;
  files: { acceptance: string; junit: string; allureIndex?: string };
  allure?: AllureGenerateResult;
}

/**
 * Generates the Allure report from the acceptance results (when results exist), then writes `<root>/acceptance.md`
 * (each requirement linked to its run's Allure test, timeline, history and summary) and `<root>/junit.xml`
 * from the runs' summaries, overwriting both. Throws NoRunsError when no summary is found (nothing is written then).
 */
export async function buildReports(opts: BuildReportsOptions): Promise<BuiltReports> {
  const found = findRuns(opts.root, { all: opts.all });
  if (found.runs.length === 0) throw new NoRunsError(opts.root, found.skipped);
  const table = opts.table ?? requirements();
  const allure = opts.allure === false ? undefined : await generateAllure(opts.root, opts.allureBin);
  const allureIndex = allure?.status === "done" && allure.code === 0 ? allure.index : undefined;
  // Negative controls fail on purpose: they are judged by `npm run controls`, not as requirements.
  const real = found.runs.filter((r) => !r.summary.mutations?.length);
  const acc = acceptance(real, table, opts.root);
  const files = { acceptance: path.join(opts.root, "acceptance.md"), junit: path.join(opts.root, "junit.xml"), ...(allureIndex ? { allureIndex } : {}) };
  const relAllure = allureIndex ? path.relative(opts.root, allureIndex).split(path.sep).join("/") : undefined;
  // Each run's own test in the report just generated (Allure draws new test uids every time).
  const reportDir = allureIndex ? path.dirname(allureIndex) : undefined;
  const allureTests = reportDir ? Object.fromEntries(Object.entries(allureTestLinks(reportDir)).map(([runId, href]) => [runId, `${path.posix.dirname(relAllure!)}/${href}`])) : {};
  writeFileSync(files.acceptance, acceptanceMarkdown(acc, real, relAllure ? { allureIndex: relAllure, allureTests } : {}));
  writeFileSync(
    files.junit,
    junitXml(real, {
      note: (run, check) => {
        const rows = acc.rows.filter((r) => r.runId === run.summary.runId && r.id && (check.id !== undefined ? r.id === check.id : r.check === check.name));
        return rows.map((r) => `requirement ${r.id}: ${r.text}${measuredVsThreshold(r) ? ` [${measuredVsThreshold(r)}]` : ""}`).join("\n") || undefined;
      },
    }),
  );
  return { ...found, runs: real, acceptance: acc, files, ...(allure ? { allure } : {}) };
}
