import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPORTS_DIR, linkLatest, runDir } from "./reports-dir.ts";
import { summarize } from "./summary.ts";
import { readSummary, writeSummary } from "./write-summary.ts";

const summary = (runId: string) =>
  summarize({
    scenario: "node-loss",
    topology: "prisma",
    runId,
    startedAt: "2025-01-01T00:00:00.000Z",
    durationMs: 1234,
    checks: { outage: { valid: true, details: { at: 5n } } },
    metrics: { maxOutageMs: 4200 },
  });

describe("writeSummary", () => {
  it("writes summary.json and summary.md and points latest at the run dir with a relative link", () => {
    const root = mkdtempSync(path.join(tmpdir(), "haproof-report-"));
    const dir = path.join(root, "run-1");
    const files = writeSummary(dir, summary("run-1"));
    expect(readSummary(dir)).toMatchObject({ runId: "run-1", verdict: "pass", checks: [{ details: { at: "5" } }] });
    expect(readFileSync(files.markdown, "utf8")).toContain("# node-loss: PASS");
    expect(readFileSync(files.markdown, "utf8")).toContain("4200 ms (4.20 s)");
    expect(lstatSync(files.latest!).isSymbolicLink()).toBe(true);
    expect(readlinkSync(files.latest!)).toBe("run-1");
  });

  it("reads back a run whose metric could not be measured (NaN, written as null) instead of rejecting it", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "haproof-report-")), "run-nan");
    writeSummary(dir, { ...summary("run-nan"), metrics: { vipMoveMs: Number.NaN, ok: 1 } }, { latest: false });
    expect(readFileSync(path.join(dir, "summary.json"), "utf8")).toContain('"vipMoveMs": null');
    const back = readSummary(dir);
    expect(back.metrics.vipMoveMs).toBeNaN();
    expect(back.metrics.ok).toBe(1);
  });

  it("keeps the run's tunables, which the own-timings verdict reads back", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "haproof-report-")), "run-t");
    writeSummary(dir, { ...summary("run-t"), tunables: { corosyncTokenMs: 20_000, keepalivedAdvertIntS: 1 } }, { latest: false });
    expect(readSummary(dir).tunables).toEqual({ corosyncTokenMs: 20_000, keepalivedAdvertIntS: 1 });
  });

  it("replaces latest on the next run and leaves no temp links behind", () => {
    const root = mkdtempSync(path.join(tmpdir(), "haproof-report-"));
    writeSummary(path.join(root, "a"), summary("a"));
    writeSummary(path.join(root, "b"), summary("b"));
    expect(realpathSync(path.join(root, "latest"))).toBe(realpathSync(path.join(root, "b")));
    expect(readdirSync(root).sort()).toEqual(["a", "b", "latest"]);
    linkLatest(path.join(root, "b"));
    expect(readlinkSync(path.join(root, "latest"))).toBe("b");
  });

  it("can skip the latest link", () => {
    const root = mkdtempSync(path.join(tmpdir(), "haproof-report-"));
    expect(writeSummary(path.join(root, "x"), summary("x"), { latest: false }).latest).toBeUndefined();
    expect(existsSync(path.join(root, "latest"))).toBe(false);
  });
});

describe("runDir", () => {
  it("places runs under the repository's reports/ and refuses unsafe ids", () => {
    expect(REPORTS_DIR).toBe(path.resolve(import.meta.dirname, "..", "..", "reports"));
    expect(runDir("r1")).toBe(path.join(REPORTS_DIR, "r1"));
    for (const bad of ["", "..", "a/b", "latest"]) expect(() => runDir(bad)).toThrow(RangeError);
  });
});
