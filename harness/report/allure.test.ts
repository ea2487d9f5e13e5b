import { setGlobalTestRuntime, MessageHolderTestRuntime } from "allure-js-commons/sdk/runtime";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { allureActive, allureStep, reportToAllure } from "./allure.ts";
import { FIXTURE_REQUIREMENTS } from "./fixtures/fixture-requirements.ts";
import { summarize, type RunSummary } from "./summary.ts";

const g = globalThis as { allureTestRuntime?: unknown };
const summary = (verdict: "pass" | "fail"): RunSummary =>
  summarize({
    scenario: "node-loss",
    topology: "prisma",
    runId: "r1",
    startedAt: new Date(0),
    durationMs: 1000,
    checks: { outage: { valid: verdict === "pass", details: {} } },
    metrics: { maxOutageMs: 4200, lost: 0 },
  });

// This project may run under allure-vitest/setup, whose runtime (and expect matchers, which log steps) must be
// restored after each test; assertions therefore run only after the swapped-in runtime is gone.
const original = g.allureTestRuntime;
function install(): MessageHolderTestRuntime {
  const rt = new MessageHolderTestRuntime();
  setGlobalTestRuntime(rt);
  return rt;
}
const messages = (rt: MessageHolderTestRuntime) => [...(rt.messages() as { type: string; data: any }[])];
const restore = () => {
  if (original === undefined) delete g.allureTestRuntime;
  else g.allureTestRuntime = original;
};

afterEach(() => {
  restore();
  vi.restoreAllMocks();
});

describe("reportToAllure outside an Allure runtime", () => {
  it("does nothing and warns nothing; allureStep still runs the body", async () => {
    delete g.allureTestRuntime;
    const warn = vi.spyOn(console, "warn");
    const active = allureActive();
    await reportToAllure(summary("fail"), { logs: { "vm-1": "boom" } });
    const value = await allureStep("step", () => 42);
    const error = await allureStep("bad", async () => {
      throw new Error("x");
    }).catch((e: Error) => e.message);
    const warnings = warn.mock.calls.length;
    restore();
    expect({ active, value, error, warnings }).toEqual({ active: false, value: 42, error: "x", warnings: 0 });
  });
});

describe("reportToAllure under a runtime", () => {
  it("labels the test, adds metrics as parameters, and attaches the report files", async () => {
    const rt = install();
    const dir = mkdtempSync(path.join(tmpdir(), "haproof-allure-"));
    const svg = path.join(dir, "timeline.svg");
    writeFileSync(svg, "<svg/>");
    await reportToAllure(summary("pass"), { timelineSvg: svg, timelineHtml: path.join(dir, "missing.html"), logs: { "vm-1": "boom" } });
    const msgs = messages(rt);
    restore();
    const labels = msgs.filter((m) => m.type === "metadata").flatMap((m) => m.data.labels ?? []);
    expect(labels).toEqual(
      expect.arrayContaining([
        { name: "feature", value: "prisma" },
        { name: "story", value: "node-loss" },
        { name: "topology", value: "prisma" },
      ]),
    );
    const params = msgs.filter((m) => m.type === "metadata").flatMap((m) => m.data.parameters ?? []);
    expect(params).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "maxOutageMs", value: "4200 ms (4.20 s)", excluded: true }), expect.objectContaining({ name: "lost", value: "0" })]),
    );
    const attached = msgs.filter((m) => m.type === "attachment_content").map((m) => [m.data.name, m.data.contentType]);
    expect(attached).toEqual([
      ["summary.txt", "text/plain"],
      ["summary.json", "application/json"],
      ["timeline.svg", "image/svg+xml"],
    ]);
  });

  it("names each requirement with its verdict and deciding comparison, and links the run's timeline, history and summary", async () => {
    const rt = install();
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "haproof-allure-")), "lb-failover-1");
    const open = { maxOutageMs: 20_000, processes: { mysql: { windows: [{ startMs: 0, endMs: 64_500, lengthMs: 64_500, recovered: false }], maxMs: 64_500 } } };
    const s = summarize({
      scenario: "lb-failover",
      topology: "prisma",
      runId: "lb-failover-1",
      startedAt: new Date(0),
      durationMs: 1000,
      checks: { "DB outage within bound": { valid: false, details: open }, "DB VIP moved to the other load balancer": { valid: true, details: {} } },
      metrics: { dbOutageMs: 64_500, dbVipMoveMs: 3_400, extra: 2 },
    });
    await reportToAllure(s, { timelineHtml: path.join(dir, "timeline.html"), history: path.join(dir, "history.jsonl") }, { requirements: FIXTURE_REQUIREMENTS });
    const msgs = messages(rt);
    restore();
    const meta = msgs.filter((m) => m.type === "metadata");
    const params = Object.fromEntries(meta.flatMap((m) => m.data.parameters ?? []).map((p: { name: string; value: string }) => [p.name, p.value]));
    expect(params).toMatchObject({ dbOutageMs: "≥ 64.5 s, never recovered (bound 20 s)", dbVipMoveMs: "3.4 s ≤ 10 s", extra: "2", runId: "lb-failover-1" });
    const tags = meta
      .flatMap((m) => m.data.labels ?? [])
      .filter((l: { name: string }) => l.name === "tag")
      .map((l: { value: string }) => l.value);
    expect(tags).toEqual(["PRISMA-LB-VIP-MOVE", "PRISMA-LB-VIP-UNIQUE", "PRISMA-LB-MYSQL-OUTAGE", "PRISMA-LB-ACKED-WRITES", "HAPROOF-RUNBOOK-COMPLETE"]);
    const steps = msgs.filter((m) => m.type === "step_stop").map((m) => m.data.status);
    const names = msgs.filter((m) => m.type === "step_start").map((m) => m.data.name);
    expect(names[2]).toBe("PRISMA-LB-MYSQL-OUTAGE: MySQL through the DB VIP is unavailable for at most 20 s — ≥ 64.5 s, never recovered (bound 20 s)");
    expect(steps).toEqual(["passed", "broken", "failed", "broken", "broken"]);
    const links = meta.flatMap((m) => m.data.links ?? []).map((l: { url: string; name: string }) => [l.name, l.url]);
    expect(links).toEqual([
      ["timeline.html", "../lb-failover-1/timeline.html"],
      ["history.jsonl", "../lb-failover-1/history.jsonl"],
      ["summary.json", "../lb-failover-1/summary.json"],
      ["acceptance.md", "../acceptance.md"],
    ]);
  });

  it("attaches container logs only when the run did not pass", async () => {
    const rt = install();
    await reportToAllure(summary("fail"), { logs: { "vm-1": "boom" } });
    const msgs = messages(rt);
    restore();
    const names = msgs.filter((m) => m.type === "attachment_content").map((m) => m.data.name);
    expect(names).toContain("log: vm-1");
  });

  it("wraps allureStep bodies in steps and returns their value", async () => {
    const rt = install();
    const value = await allureStep("kill the writer", async () => "done");
    const msgs = messages(rt);
    restore();
    expect(value).toBe("done");
    expect(msgs.map((m) => [m.type, m.data.name ?? m.data.status])).toEqual([
      ["step_start", "kill the writer"],
      ["step_stop", "passed"],
    ]);
  });
});
