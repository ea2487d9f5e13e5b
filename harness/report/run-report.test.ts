import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { History } from "../history/history.ts";
import { SyntheticHistory } from "../history/synthetic.ts";
import { writeRunReport } from "./run-report.ts";
import { summarize } from "./summary.ts";

const summary = summarize({ scenario: "node-loss", topology: "prisma", runId: "r1", startedAt: new Date(0), durationMs: 1000, checks: {} });
const events = () => new SyntheticHistory().at(0).call("mysql", "insert", "ok").at(100).fault("kill", "start", ["vm-1"]).events();

describe("writeRunReport", () => {
  it("writes summary, history, timeline svg and html, and returns their paths", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "haproof-run-")), "r1");
    const files = writeRunReport({ dir, summary, events: events() });
    expect(Object.values(files).every((f) => f.startsWith(path.dirname(dir)))).toBe(true);
    expect(History.load(files.history).events()).toHaveLength(3);
    expect(readFileSync(files.timelineSvg, "utf8")).toContain('data-lane="mysql"');
    expect(readFileSync(files.timelineHtml, "utf8")).toContain('data-fault="kill"');
    expect(JSON.parse(readFileSync(files.summaryJson, "utf8")).runId).toBe("r1");
    expect(readFileSync(files.summaryMd, "utf8")).toContain("UNKNOWN");
    expect(files.latest).toBe(path.join(path.dirname(dir), "latest"));
  });

  it("keeps a history.jsonl already written by a live History sink", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "haproof-run-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "history.jsonl"), "sentinel\n");
    const files = writeRunReport({ dir, summary, events: events(), latest: false });
    expect(readFileSync(files.history, "utf8")).toBe("sentinel\n");
    expect(files.latest).toBeUndefined();
  });
});
