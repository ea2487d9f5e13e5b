import { setGlobalTestRuntime, MessageHolderTestRuntime } from "allure-js-commons/sdk/runtime";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { allureActive, allureStep, reportToAllure } from "./allure.ts";
import { summarize, type RunSummary } from "./summary.ts";

const g = globalThis as { allureTestRuntime?: unknown };
const summary = (verdict: "pass" | "fail"): RunSummary => summarize({
  scenario: "node-loss", topology: "prisma", runId: "r1", startedAt: new Date(0), durationMs: 1000,
  checks: { outage: { valid: verdict === "pass", details: {} } }, metrics: { maxOutageMs: 4200, lost: 0 },
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
    const error = await allureStep("bad", async () => { throw new Error("x"); }).catch((e: Error) => e.message);
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
    expect(labels).toEqual(expect.arrayContaining([
      { name: "feature", value: "prisma" }, { name: "story", value: "node-loss" }, { name: "topology", value: "prisma" },
    ]));
    const params = msgs.filter((m) => m.type === "metadata").flatMap((m) => m.data.parameters ?? []);
    expect(params).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: "maxOutageMs", value: "4200", excluded: true }),
      expect.objectContaining({ name: "lost", value: "0" }),
    ]));
    const attached = msgs.filter((m) => m.type === "attachment_content").map((m) => [m.data.name, m.data.contentType]);
    expect(attached).toEqual([
      ["summary.txt", "text/plain"], ["summary.json", "application/json"], ["timeline.svg", "image/svg+xml"],
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
    expect(msgs.map((m) => [m.type, m.data.name ?? m.data.status])).toEqual([["step_start", "kill the writer"], ["step_stop", "passed"]]);
  });
});
