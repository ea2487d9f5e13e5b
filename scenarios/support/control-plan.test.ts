import { describe, expect, it } from "vitest";
import type { RunSummary } from "../../harness/report/index.ts";
import { CONTROLS } from "./controls.ts";
import { judgeControl, planControls } from "./control-plan.ts";

const keys = CONTROLS.find((c) => c.mutation === "keystone-keys-unsynced")!;
const summary = (verdict: RunSummary["verdict"], falseChecks: string[]): RunSummary => ({
  scenario: "node-loss", topology: "prisma", verdict, startedAt: "2026-11-22T00:00:00.000Z", durationMs: 1, metrics: {}, runId: "r",
  checks: [...falseChecks.map((name) => ({ name, valid: false as const, details: {} })), { name: "other", valid: true, details: {} }],
});

describe("planControls", () => {
  it("builds one topology per control by default", () => {
    const groups = planControls(CONTROLS, false);
    expect(groups).toHaveLength(CONTROLS.length);
    expect(groups.every((g) => g.mutations.length === 1 && g.controls.length === 1)).toBe(true);
  });

  it("combined: one build per topology with every mutation, each scenario once", () => {
    const groups = planControls(CONTROLS.filter((c) => c.topology === "prisma"), true);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.scenarios.filter((s) => s === "node-loss")).toHaveLength(1);
    expect(groups[0]!.mutations).toContain("lb-no-healthcheck");
  });
});

describe("judgeControl", () => {
  it("is ok only when the run failed AND every named check said false", () => {
    const asDocumented = judgeControl(keys, summary("fail", [...keys.failing]));
    expect(asDocumented.ok).toBe(true);
    expect(asDocumented.figures).toHaveLength(keys.failing.length);
    // Failed, but for another reason: not the documented one.
    const wrongReason = judgeControl(keys, summary("fail", ["Keystone outage within bound"]));
    expect(wrongReason.ok).toBe(false);
    expect(wrongReason.notFailed).toEqual(keys.failing);
    // Passed on the mutated topology: the scenario cannot see the misconfiguration.
    expect(judgeControl(keys, summary("pass", [])).ok).toBe(false);
    expect(judgeControl(keys, summary("unknown", [...keys.failing])).ok).toBe(false);
    expect(judgeControl(keys, undefined)).toMatchObject({ ok: false, actual: "missing" });
  });
});
