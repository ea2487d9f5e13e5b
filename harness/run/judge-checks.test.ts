import { describe, expect, it } from "vitest";
import { verdict } from "../checks/index.ts";
import { judgeRequirement } from "../report/index.ts";
import { DEFAULT_REQUIREMENTS, requirementById } from "../requirements/index.ts";
import { judgeChecks, type Checks } from "./judge-checks.ts";

const T = { table: DEFAULT_REQUIREMENTS };

describe("judgeChecks", () => {
  it("names each check by its requirement's title, adds the runbook check and takes row metrics from the verdicts", () => {
    const j = judgeChecks("node-loss", { "PRISMA-CTRL-VIP-MOVE": () => verdict(true, { moveMs: 4200 }, 4200) }, [], T);
    expect(j.checks.map((c) => [c.id, c.name, c.valid])).toEqual([
      ["PRISMA-CTRL-VIP-MOVE", "Controller_VIP moved to the other allowed controller", true],
      ["HAPROOF-RUNBOOK-COMPLETE", "the runbook ran to the end", true],
    ]);
    expect(j.metrics).toEqual({ controllerVipMoveMs: 4200 });
  });

  it("judges an id that is no requirement of the scenario as unknown, naming it", () => {
    const checks = { "PRISMA-LB-VIP-MOVE": () => verdict(true, {}), "NO-SUCH-ID": () => verdict(true, {}) } as Checks;
    const j = judgeChecks("node-loss", checks, [], T);
    expect(j.checks.find((c) => c.id === "PRISMA-LB-VIP-MOVE")).toMatchObject({ valid: "unknown", details: { reason: expect.stringMatching(/no requirement of scenario node-loss/) } });
    expect(j.checks.find((c) => c.id === "NO-SUCH-ID")?.valid).toBe("unknown");
  });

  it("records a row's metric the check did not measure as NaN, and its requirement is then unknown", () => {
    const j = judgeChecks("node-loss", { "PRISMA-CTRL-VIP-MOVE": () => verdict(true, {}) }, [], T);
    expect(j.metrics.controllerVipMoveMs).toBeNaN();
    const req = requirementById("PRISMA-CTRL-VIP-MOVE", DEFAULT_REQUIREMENTS)!;
    expect(judgeRequirement(req, j.checks[0], j.metrics)).toMatchObject({ valid: "unknown", note: expect.stringMatching(/not measured/) });
  });

  it("reports a throwing metrics function as the unknown metrics check, and a crash as an unknown runbook", () => {
    const j = judgeChecks("node-loss", { "PRISMA-CTRL-VIP-MOVE": () => verdict(true, {}, 1) }, [], {
      ...T,
      crash: "boom",
      metrics: () => {
        throw new Error("bad");
      },
    });
    expect(j.checks.find((c) => c.id === "HAPROOF-METRICS-RECORDED")).toMatchObject({ name: "metrics recorded", valid: "unknown" });
    expect(j.checks.find((c) => c.id === "HAPROOF-RUNBOOK-COMPLETE")).toMatchObject({ valid: "unknown", details: { error: "boom" } });
    expect(j.metricsError).toMatch(/bad/);
  });
});
