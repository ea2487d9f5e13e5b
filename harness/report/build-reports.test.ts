import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_REQUIREMENTS } from "./fixtures/fixture-requirements.ts";
import { buildReports, NoRunsError } from "./build-reports.ts";
import { findRuns } from "./find-runs.ts";
import { fakeAllure, writeResult } from "./fixtures/fake-allure.ts";
import { allPass, fixtureRun } from "./fixture-run.ts";
import type { RunSummary } from "./summary.ts";

function writeRun(root: string, runId: string, startedAt: string, edit: (s: RunSummary) => void = () => undefined): void {
  const { summary } = fixtureRun((s) => {
    Object.assign(s, { runId, startedAt });
    edit(s);
  });
  mkdirSync(path.join(root, runId), { recursive: true });
  writeFileSync(path.join(root, runId, "summary.json"), JSON.stringify(summary));
}

function reportsRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), "haproof-reports-"));
  writeRun(root, "node-loss-1", "2026-11-22T01:00:00.000Z");
  writeRun(root, "node-loss-2", "2026-11-22T02:00:00.000Z", allPass);
  writeRun(root, "lb-failover-1", "2026-11-22T00:30:00.000Z", (s) => (s.scenario = "lb-failover"));
  mkdirSync(path.join(root, "broken-1"));
  writeFileSync(path.join(root, "broken-1", "summary.json"), JSON.stringify({ scenario: "x" }));
  mkdirSync(path.join(root, "no-summary-yet"));
  mkdirSync(path.join(root, "allure-results"));
  symlinkSync("node-loss-1", path.join(root, "latest"));
  return root;
}

describe("findRuns", () => {
  it("keeps the newest run per scenario, newest first; a malformed summary is an unknown run, not skipped", () => {
    const root = reportsRoot();
    const found = findRuns(root);
    // broken-1's summary names scenario x but no start: a run of x, started when the directory last changed, verdict unknown.
    expect(found.runs.map((r) => [r.summary.runId, r.summary.verdict])).toEqual([
      ["broken-1", "unknown"],
      ["node-loss-2", "pass"],
      ["lb-failover-1", "fail"],
    ]);
    expect(found.runs[0].summary.scenario).toBe("x");
    expect(found.skipped).toEqual([]);
    expect(findRuns(root, { all: true }).runs.map((r) => r.summary.runId)).toEqual(["broken-1", "node-loss-2", "node-loss-1", "lb-failover-1"]);
    expect(findRuns(path.join(root, "missing")).runs).toEqual([]);
  });
});

describe("negative control runs", () => {
  it("never shadow the real run of a scenario, and stay out of acceptance and JUnit", async () => {
    const root = reportsRoot();
    writeRun(root, "node-loss-control", "2026-11-22T03:00:00.000Z", (s) => Object.assign(s, { verdict: "fail", mutations: ["keystone-keys-unsynced"] }));
    expect(findRuns(root).runs.map((r) => r.summary.runId)).toEqual(["broken-1", "node-loss-control", "node-loss-2", "lb-failover-1"]);
    const built = await buildReports({ root, allure: false, table: FIXTURE_REQUIREMENTS });
    expect(built.runs.map((r) => r.summary.runId)).toEqual(["broken-1", "node-loss-2", "lb-failover-1"]);
    expect(readFileSync(built.files.junit, "utf8")).not.toContain("node-loss-control");
    expect(readFileSync(built.files.acceptance, "utf8")).not.toContain("node-loss-control");
  });
});

describe("buildReports", () => {
  it("writes acceptance.md and junit.xml whose counts equal the summaries' verdicts", async () => {
    const root = reportsRoot();
    const built = await buildReports({ root, allure: false, table: FIXTURE_REQUIREMENTS });
    expect(built.allure).toBeUndefined();
    const md = readFileSync(built.files.acceptance, "utf8");
    const xml = readFileSync(built.files.junit, "utf8");
    // lb-failover's requirements name checks the node-loss fixture does not report: unknown, so not accepted.
    expect(built.acceptance.accepted).toBe(false);
    expect(md).toMatch(/^# haproof acceptance: NOT ACCEPTED/);
    expect(md).toContain("[timeline](node-loss-2/timeline.html)");
    const checks = built.runs.flatMap((r) => r.summary.checks);
    expect((xml.match(/<testcase\b/g) ?? []).length).toBe(checks.length);
    expect((xml.match(/<failure\b/g) ?? []).length).toBe(checks.filter((c) => c.valid === false).length);
    expect((xml.match(/<error\b/g) ?? []).length).toBe(checks.filter((c) => c.valid === "unknown").length);
    expect(xml).toContain("<system-out>requirement PRISMA-CTRL-VIP-MOVE: Controller_VIP moves to the other allowed controller within 30 s [10.0 s ≤ 30 s]</system-out>");
  });

  it("accepts when the newest run of each scenario meets every requirement", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "haproof-reports-"));
    writeRun(root, "node-loss-1", "2026-11-22T01:00:00.000Z");
    writeRun(root, "node-loss-2", "2026-11-22T02:00:00.000Z", allPass);
    const built = await buildReports({ root, allure: false, table: FIXTURE_REQUIREMENTS });
    expect(built.acceptance.accepted).toBe(true);
    expect(readFileSync(built.files.acceptance, "utf8")).toContain("**All 9 requirements met.**");
  });

  it("links each requirement to its run's test in the Allure report, its timeline and its history", async () => {
    const root = reportsRoot();
    writeResult(root, "s1", "scenarios/node-loss.scenario.ts", "node-loss-2");
    writeResult(root, "u1", "harness/cli/set-option.test.ts");
    const built = await buildReports({ root, table: FIXTURE_REQUIREMENTS, allureBin: fakeAllure(root) });
    expect(built.allure).toMatchObject({ status: "done", code: 0, staged: { kept: 1, dropped: 1 } });
    const md = readFileSync(built.files.acceptance, "utf8");
    const row = md.split("\n").find((l) => l.startsWith("| PRISMA-CTRL-VIP-MOVE |"))!;
    expect(row).toContain(
      "| [Allure test](allure-report/index.html#testresult/uid-node-loss-2) · [timeline](node-loss-2/timeline.html) · [history](node-loss-2/history.jsonl) · [summary](node-loss-2/summary.json) |",
    );
    // lb-failover-1 has no Allure test: its rows link the files only.
    expect(md.split("\n").find((l) => l.startsWith("| PRISMA-LB-VIP-MOVE |"))).toMatch(/\| \[timeline\]\(lb-failover-1\/timeline\.html\)/);
  });

  it("throws NoRunsError, writing nothing, when no summary is found", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "haproof-reports-"));
    await expect(buildReports({ root, allure: false })).rejects.toThrow(NoRunsError);
    await expect(buildReports({ root, allure: false })).rejects.toThrow(/no run summary found under/);
  });
});
