import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requirements, requirementsFor } from "../harness/requirements/index.ts";
import { checkFor, dumpDom, findChromium, findRuns, judgeRequirement, pngStats, REPORTS_DIR, screenshot, serveReports, type ReportRun, type RunSummary } from "../harness/report/index.ts";

// Runs after the scenarios: judges the newest real run with `npm run report`'s CLI in a scratch copy of reports/
// (so a concurrent run is never disturbed), then renders its timeline and the Allure report in headless Chromium.
const ROOT = path.join(import.meta.dirname, "..");
const NO_RUN = `no run with a summary.json in ${REPORTS_DIR}: run a scenario first (npm run scenario node-loss)`;

function report(args: string[]): Promise<{ code: number; out: string }> {
  const cli = [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "harness", "cli", "report.ts"), ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, cli, { cwd: ROOT, timeout: 180_000 }, (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, out: `${stdout}${stderr}` }));
  });
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe("report: acceptance, JUnit and rendered pages of the newest run", () => {
  // The newest run is looked up when the file runs, after the scenarios, not when it is collected:
  // in a clean clone nothing has run at collection time.
  let run: ReportRun;
  let s: RunSummary;
  let scratch: string;
  let cli: { code: number; out: string };

  beforeAll(async () => {
    const newest = findRuns(REPORTS_DIR).runs[0];
    if (!newest) throw new Error(NO_RUN);
    run = newest;
    s = newest.summary as RunSummary;
    scratch = mkdtempSync(path.join(tmpdir(), "haproof-report-it-"));
    const dir = path.join(scratch, s.runId);
    mkdirSync(dir);
    for (const f of ["summary.json", "summary.md", "history.jsonl", "timeline.html", "timeline.svg"]) {
      if (existsSync(path.join(run.dir, f))) copyFileSync(path.join(run.dir, f), path.join(dir, f));
    }
    const results = path.join(REPORTS_DIR, "allure-results");
    // allure-vitest writes a run's results when the whole run ends, so inside `npm test` there may be
    // none yet: then the newest real run's summary becomes one Allure result, and the report is
    // generated and rendered from that.
    if (existsSync(results)) symlinkSync(results, path.join(scratch, "allure-results"), "dir");
    else writeAllureResult(path.join(scratch, "allure-results"), s);
    cli = await report(["--dir", scratch]);
  });

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("exits 0 only when every requirement is met, 1 otherwise, and 2 when there is nothing to judge", async () => {
    const md = readFileSync(path.join(scratch, "acceptance.md"), "utf8");
    expect(cli.code, cli.out).toBe(md.startsWith("# haproof acceptance: ACCEPTED") ? 0 : 1);
    const empty = mkdtempSync(path.join(tmpdir(), "haproof-report-empty-"));
    const none = await report(["--dir", empty, "--no-allure"]);
    rmSync(empty, { recursive: true, force: true });
    expect(none.code, none.out).toBe(2);
    expect(none.out).toMatch(/no run summary found under/);
    expect((await report(["--port", "nope"])).code).toBe(2);
  });

  it("writes one acceptance row per requirement of the scenario, with the summary's verdict", () => {
    const md = readFileSync(path.join(scratch, "acceptance.md"), "utf8");
    const all = requirementsFor(s.scenario, s.topology, requirements());
    const reqs = all.filter((r) => !r.conditional || checkFor(s.checks, r));
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && l.includes(`](${s.runId}/timeline.html)`) && !l.startsWith(`| ${s.scenario} |`));
    const uncovered = s.checks.filter((c) => !all.some((r) => checkFor([c], r)));
    expect(rows).toHaveLength(reqs.length + uncovered.length);
    for (const r of reqs) {
      const row = rows.find((l) => l.startsWith(`| ${r.id} |`));
      expect(row, r.id).toBeDefined();
      // The one acceptance rule, as the report applies it (not a copy of it).
      const { valid } = judgeRequirement(r, checkFor(s.checks, r), s.metrics);
      const want = valid === false ? "**FAIL**" : valid === true ? "PASS" : "**UNKNOWN**";
      expect(row!.split(" | ")[3], r.id).toBe(want);
    }
    const failed = s.checks.some((c) => c.valid !== true);
    if (failed) expect(md).toMatch(/^\*\*NOT ACCEPTED: /m);
  });

  it("writes junit.xml whose testcase, failure and error counts equal the summary's verdicts", () => {
    const xml = readFileSync(path.join(scratch, "junit.xml"), "utf8");
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const suite = xml.match(new RegExp(`<testsuite name="${s.scenario}"[^>]*>[\\s\\S]*?</testsuite>`))?.[0] ?? "";
    expect(count(suite, /<testcase\b/g)).toBe(s.checks.length);
    expect(count(suite, /<failure\b/g)).toBe(s.checks.filter((c) => c.valid === false).length);
    expect(count(suite, /<error\b/g)).toBe(s.checks.filter((c) => c.valid === "unknown").length);
  });

  describe("in headless Chromium", () => {
    const chromium = findChromium();
    beforeAll(() => {
      if (!chromium) throw new Error("no Chromium: apt-get install -y chromium (Debian), or set HAPROOF_CHROMIUM");
    });

    it("renders timeline.html: a non-blank screenshot, and every SVG lane in the DOM", async () => {
      const url = pathToFileURL(path.join(scratch, s.runId, "timeline.html")).href;
      const png = path.join(scratch, "timeline.png");
      await screenshot(url, png);
      expect(statSync(png).size).toBeGreaterThan(5_000);
      const stats = pngStats(readFileSync(png));
      expect(stats).toMatchObject({ width: 1400, height: 900 });
      expect(stats.colours).toBeGreaterThan(10);
      const dom = await dumpDom(url);
      const lanes = count(readFileSync(path.join(scratch, s.runId, "timeline.svg"), "utf8"), /data-lane="/g);
      expect(lanes).toBeGreaterThan(0);
      expect(count(dom, /data-lane="/g)).toBe(lanes);
      expect(dom).toContain(s.runId);
    });

    it("renders the Allure report: its app mounts and draws", async () => {
      const index = path.join(scratch, "allure-report", "index.html");
      expect(existsSync(index), cli.out).toBe(true);
      // Allure loads its data with XHR, which file:// forbids; serve it as `npm run report -- --open` does.
      const server = await serveReports(scratch);
      try {
        const url = `${server.url}allure-report/index.html`;
        const dom = await dumpDom(url, { settleMs: 8000 });
        expect(dom).toContain('id="content"');
        expect(dom).toMatch(/class="app"/);
        const png = path.join(scratch, "allure.png");
        await screenshot(url, png, { settleMs: 8000 });
        expect(pngStats(readFileSync(png)).colours).toBeGreaterThan(10);
      } finally {
        await server.close();
      }
    });
  });
});

/** Writes one Allure result file for `summary` (scenario as the test, each check as a step). */
function writeAllureResult(
  dir: string,
  summary: { scenario: string; topology: string; runId: string; verdict: string; startedAt: string; durationMs: number; checks: { name: string; valid: unknown }[] },
): void {
  mkdirSync(dir, { recursive: true });
  const start = Date.parse(summary.startedAt);
  const status = (v: unknown) => (v === true ? "passed" : v === false ? "failed" : "broken");
  const uuid = randomUUID();
  const result = {
    uuid,
    historyId: `${summary.topology}/${summary.scenario}`,
    name: summary.scenario,
    // Shaped like allure-vitest's (`<package>:<file>#<title>`): the report keeps only results of acceptance test files.
    fullName: `haproof:scenarios/${summary.scenario}.scenario.ts#${summary.scenario}`,
    status: summary.verdict === "pass" ? "passed" : summary.verdict === "fail" ? "failed" : "broken",
    stage: "finished",
    start,
    stop: start + summary.durationMs,
    labels: [
      { name: "feature", value: summary.topology },
      { name: "story", value: summary.scenario },
    ],
    steps: summary.checks.map((c) => ({ name: c.name, status: status(c.valid), stage: "finished", start, stop: start, steps: [], attachments: [], parameters: [] })),
    attachments: [],
    parameters: [{ name: "runId", value: summary.runId, excluded: true }],
  };
  writeFileSync(path.join(dir, `${uuid}-result.json`), JSON.stringify(result));
}
