import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_REQUIREMENTS } from "../requirements/index.ts";
import { acceptance } from "./acceptance.ts";
import { findRuns, SUMMARY_CHECK } from "./find-runs.ts";
import { allPass, fixtureRun } from "./fixture-run.ts";
import type { RunSummary } from "./summary.ts";

function root(): string {
  return mkdtempSync(path.join(tmpdir(), "haproof-find-runs-"));
}
function writeRun(dir: string, runId: string, startedAt: string, edit: (s: RunSummary) => void = allPass): void {
  const { summary } = fixtureRun((s) => {
    allPass(s);
    Object.assign(s, { runId, startedAt });
    edit(s);
  });
  mkdirSync(path.join(dir, runId), { recursive: true });
  writeFileSync(path.join(dir, runId, "summary.json"), JSON.stringify(summary));
}
function writeRaw(dir: string, runId: string, text: string): void {
  mkdirSync(path.join(dir, runId), { recursive: true });
  writeFileSync(path.join(dir, runId, "summary.json"), text);
}

describe("findRuns with an unreadable newest summary (issue 13.7)", () => {
  it("surfaces a truncated newest summary as an unknown run instead of the older pass", () => {
    const r = root();
    writeRun(r, "node-loss-20261122-010000", "2026-11-22T01:00:00.000Z");
    writeRaw(r, "node-loss-20261122-020000", '{"scenario": "node-loss", "topol');
    const { runs, skipped } = findRuns(r);
    expect(skipped).toEqual([]);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run.summary).toMatchObject({ scenario: "node-loss", topology: "prisma", verdict: "unknown", runId: "node-loss-20261122-020000", startedAt: "2026-11-22T02:00:00.000Z" });
    expect(run.unreadable).toMatch(/JSON/);
    expect(run.summary.checks).toEqual([{ name: SUMMARY_CHECK, valid: "unknown", details: { error: run.unreadable, file: path.join(r, "node-loss-20261122-020000", "summary.json") } }]);
    const a = acceptance(runs, DEFAULT_REQUIREMENTS, r);
    expect(a.accepted).toBe(false);
    expect(a.counts.met).toBe(0);
  });

  it("judges a summary that fails validation by what it does say", () => {
    const r = root();
    writeRun(r, "lb-failover-20261122-010000", "2026-11-22T01:00:00.000Z", (s) => (s.scenario = "lb-failover"));
    writeRaw(r, "lb-run-2", JSON.stringify({ scenario: "lb-failover", topology: "prisma", startedAt: "2026-11-22T03:00:00.000Z", verdict: "pass", checks: "oops" }));
    const { runs } = findRuns(r);
    expect(runs.map((x) => [x.summary.runId, x.summary.verdict])).toEqual([["lb-run-2", "unknown"]]);
    expect(runs[0].unreadable).toBeDefined();
  });

  it("lets a newer readable run supersede an older unreadable one, and keeps every run with `all`", () => {
    const r = root();
    writeRaw(r, "node-loss-20261122-010000", "not json");
    writeRun(r, "node-loss-20261122-020000", "2026-11-22T02:00:00.000Z");
    expect(findRuns(r).runs.map((x) => x.summary.runId)).toEqual(["node-loss-20261122-020000"]);
    expect(findRuns(r, { all: true }).runs.map((x) => [x.summary.runId, x.summary.verdict])).toEqual([
      ["node-loss-20261122-020000", "pass"],
      ["node-loss-20261122-010000", "unknown"],
    ]);
  });

  it("hides the older real pass behind an unreadable newest run that may be either a control or the real one", () => {
    const r = root();
    writeRun(r, "node-loss-20261122-010000", "2026-11-22T01:00:00.000Z");
    writeRaw(r, "node-loss-20261122-020000", "");
    writeRun(r, "node-loss-20261122-030000", "2026-11-22T03:00:00.000Z", (s) => (s.mutations = ["keystone-keys-unsynced"]));
    const runs = findRuns(r).runs;
    expect(runs.map((x) => x.summary.runId)).toEqual(["node-loss-20261122-030000", "node-loss-20261122-020000"]);
    expect(runs[1].summary.mutations).toBeUndefined();
  });

  it("reports an unreadable run of a scenario with no other run on its own", () => {
    const r = root();
    writeRaw(r, "vm-loss-20261122-010000", "{");
    writeRun(r, "node-loss-20261122-020000", "2026-11-22T02:00:00.000Z");
    expect(findRuns(r).runs.map((x) => [x.summary.scenario, x.summary.topology, x.summary.verdict])).toEqual([
      ["node-loss", "prisma", "pass"],
      ["vm-loss", "unknown", "unknown"],
    ]);
  });
});
