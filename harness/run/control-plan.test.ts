import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/index.ts";
import type { RunSummary } from "../report/index.ts";
import { CONTROLS, RUNBOOK_CHECK } from "./controls.ts";
import { judgeControl, planControls, provedFaults, type ControlEvidence } from "./control-plan.ts";

const keys = CONTROLS.find((c) => c.mutation === "keystone-keys-unsynced")!;
const relocate = CONTROLS.find((c) => c.mutation === "no-restart-limit")!;
const deadlock = CONTROLS.find((c) => c.mutation === "retry-less-client")!;

const ranToEnd = { id: RUNBOOK_CHECK, name: "the runbook ran to the end", valid: true as const, details: {} };
const crashed = (error: string) => ({ id: RUNBOOK_CHECK, name: "the runbook ran to the end", valid: "unknown" as const, details: { error } });

function evidence(
  scenario: string,
  verdict: RunSummary["verdict"],
  falseChecks: string[],
  o: { runbook?: RunSummary["checks"][number]; proved?: Record<string, number> | undefined; trueChecks?: string[] } = {},
): ControlEvidence {
  const summary: RunSummary = {
    scenario,
    topology: "prisma",
    verdict,
    startedAt: "2026-11-22T00:00:00.000Z",
    durationMs: 1,
    metrics: {},
    runId: "r",
    checks: [
      ...falseChecks.map((id) => ({ id, name: id, valid: false as const, details: {} })),
      ...(o.trueChecks ?? []).map((id) => ({ id, name: id, valid: true as const, details: {} })),
      { name: "other", valid: true, details: {} },
      o.runbook ?? ranToEnd,
    ],
  };
  return { summary, proved: "proved" in o ? o.proved : { kill: 1 } };
}

describe("planControls", () => {
  it("builds one topology per control by default", () => {
    const groups = planControls(CONTROLS, false);
    expect(groups).toHaveLength(CONTROLS.length);
    expect(groups.every((g) => g.mutations.length === 1 && g.controls.length === 1)).toBe(true);
  });

  it("combined: one build per topology with every mutation, each scenario once", () => {
    const groups = planControls(
      CONTROLS.filter((c) => c.topology === "prisma"),
      true,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]!.scenarios.filter((s) => s === "node-loss")).toHaveLength(1);
    expect(groups[0]!.mutations).toContain("lb-no-healthcheck");
  });

  it("combined: keeps conflicting mutations (whose runbooks cannot both run to the end) in separate builds", () => {
    const groups = planControls(CONTROLS, true).filter((g) => g.topology === "clusterware");
    expect(groups.map((g) => g.mutations)).toEqual([["no-restart-limit"], ["shared-vip"]]);
    expect(groups.map((g) => g.scenarios)).toEqual([["restart-then-relocate"], ["independent-vips"]]);
  });
});

describe("provedFaults", () => {
  it("counts effective events per fault, not starts or failed injections", () => {
    const h = new SyntheticHistory();
    h.at(0).fault("kill-process:mysqld", "start", ["ctr1"]).at(1).fault("kill-process:mysqld", "effective", ["ctr1"]);
    h.at(2).fault("kill-process:mysqld", "start", ["ctr1"]).at(3).fault("kill-process:mysqld", "failed", ["ctr1"]);
    h.at(4).fault("kill", "effective", ["vm-1"]);
    expect(provedFaults(h.events())).toEqual({ "kill-process:mysqld": 1, kill: 1 });
  });
});

describe("judgeControl", () => {
  it("is ok when the runbook ran to the end, its fault was proved, and every named check said false", () => {
    const r = judgeControl(keys, evidence("node-loss", "fail", [...keys.failing]));
    expect(r).toMatchObject({ valid: true, ok: true, notFailed: [], faults: [{ fault: "kill", times: 1, proved: 1 }] });
    expect(r.figures).toHaveLength(keys.failing.length);
  });

  it("is unknown, not ok, when the run crashed before its fault: false checks alone prove nothing", () => {
    // The case on record: the wait for the 2nd restart timed out, the decisive 3rd kill never happened,
    // and "mysqlVIP never moved" still said false, so the run's verdict was fail.
    const r = judgeControl(relocate, {
      ...evidence("restart-then-relocate", "fail", [...relocate.failing], { runbook: crashed("timed out after 30000 ms waiting for failure 2 counted") }),
      proved: { "kill-process:mysqld": 2 },
    });
    expect(r.actual).toBe("fail");
    expect(r).toMatchObject({ valid: "unknown", ok: false });
    expect(r.reason).toMatch(/did not run to the end \(timed out/);
  });

  it("is unknown when the runbook ended but a named fault was proved too few times, or the history is unreadable", () => {
    const short = judgeControl(relocate, evidence("restart-then-relocate", "fail", [...relocate.failing], { proved: { "kill-process:mysqld": 2 } }));
    expect(short).toMatchObject({ valid: "unknown", reason: "fault kill-process:mysqld proved 2 of 3 times" });
    const none = judgeControl(keys, evidence("node-loss", "fail", [...keys.failing], { proved: {} }));
    expect(none).toMatchObject({ valid: "unknown", reason: "fault kill proved 0 of 1 times" });
    const unreadable = judgeControl(keys, { ...evidence("node-loss", "fail", [...keys.failing], { proved: undefined }), historyError: "ENOENT" });
    expect(unreadable.valid).toBe("unknown");
    expect(unreadable.reason).toMatch(/ENOENT/);
    const ok = judgeControl(relocate, evidence("restart-then-relocate", "fail", [...relocate.failing], { proved: { "kill-process:mysqld": 3 } }));
    expect(ok.valid).toBe(true);
  });

  it("needs no fault for a workload control", () => {
    expect(judgeControl(deadlock, evidence("galera-deadlock", "fail", [...deadlock.failing], { proved: {} })).valid).toBe(true);
  });

  it("is false when it ran through with its fault proved and a named check passed; unknown for another reason's failure", () => {
    const seen = judgeControl(keys, evidence("node-loss", "pass", [], { trueChecks: [...keys.failing] }));
    expect(seen).toMatchObject({ valid: false, ok: false });
    const wrongReason = judgeControl(keys, evidence("node-loss", "fail", ["PRISMA-CTRL-KEYSTONE-OUTAGE"]));
    expect(wrongReason).toMatchObject({ valid: "unknown", ok: false, notFailed: keys.failing });
    expect(judgeControl(keys, undefined)).toMatchObject({ ok: false, valid: "unknown", actual: "missing" });
  });
});
