import { describe, expect, it } from "vitest";
import { DEFAULT_REQUIREMENTS, type Requirement } from "../requirements/index.ts";
import { acceptance } from "./acceptance.ts";
import { acceptanceHeadline, acceptanceMarkdown, measuredVsThreshold } from "./acceptance-markdown.ts";
import { allPass, FIXTURE_ROOT as ROOT, fixtureRun } from "./fixtures/fixture-run.ts";
const patch = (id: string, p: Partial<Requirement>) => DEFAULT_REQUIREMENTS.map((r) => (r.id === id ? { ...r, ...p } : r));

describe("acceptance", () => {
  it("judges every requirement of the run's scenario with the check's verdict", () => {
    const a = acceptance([fixtureRun()], DEFAULT_REQUIREMENTS, ROOT);
    expect(a.rows).toHaveLength(9);
    expect(a.counts).toEqual({ total: 9, met: 6, failed: 2, unknown: 1 });
    expect(a.accepted).toBe(false);
    expect(a.rows.filter((r) => r.valid === false).map((r) => r.id)).toEqual(["PRISMA-CTRL-TOKENS", "PRISMA-CTRL-GLANCE-OUTAGE"]);
    expect(a.rows.find((r) => r.valid === "unknown")?.id).toBe("HAPROOF-RUNBOOK-COMPLETE");
    const move = a.rows.find((r) => r.id === "PRISMA-CTRL-VIP-MOVE")!;
    expect(move).toMatchObject({ valid: true, measuredMs: 9997.302585000001, thresholdMs: 30_000, scenario: "node-loss" });
    expect(move.evidence).toEqual({ timeline: "node-loss-20261122-025625/timeline.html", summary: "node-loss-20261122-025625/summary.json" });
  });

  it("fails a passed check whose measured value exceeds a stricter threshold in force", () => {
    const a = acceptance([fixtureRun(allPass)], patch("PRISMA-CTRL-KEYSTONE-OUTAGE", { thresholdMs: 15_000 }), ROOT);
    const row = a.rows.find((r) => r.id === "PRISMA-CTRL-KEYSTONE-OUTAGE")!;
    expect(row).toMatchObject({ valid: false, note: "measured value exceeds the threshold in force" });
    expect(a.counts.failed).toBe(1);
  });

  it("is unknown for a check the run did not report, and adds a row for a check no requirement covers", () => {
    const a = acceptance([fixtureRun((s) => {
      allPass(s);
      s.checks = s.checks.filter((c) => c.name !== "Glance downloads keep the original checksum");
      s.checks.push({ name: "an extra check", valid: false, details: {} });
    })], DEFAULT_REQUIREMENTS, ROOT);
    expect(a.rows.find((r) => r.id === "PRISMA-CTRL-IMAGES")).toMatchObject({ valid: "unknown", note: "the run did not report this check" });
    const extra = a.rows.find((r) => r.check === "an extra check")!;
    expect(extra).toMatchObject({ valid: false, note: "no requirement covers this check" });
    expect(extra.id).toBeUndefined();
    expect(a.counts).toEqual({ total: 10, met: 8, failed: 1, unknown: 1 });
  });

  it("accepts when every row holds, and lists requirements of scenarios no run exercised", () => {
    const a = acceptance([fixtureRun(allPass)], DEFAULT_REQUIREMENTS, ROOT);
    expect(a.accepted).toBe(true);
    expect(acceptanceHeadline(a)).toBe("All 9 requirements met");
    expect(a.notRun.some((r) => r.scenario === "node-loss" || r.scenario === "*")).toBe(false);
    expect(new Set(a.notRun.map((r) => r.scenario)).size).toBe(16); // the 16 other scenarios: 11 PRISMA, 5 clusterware
    expect(acceptance([], DEFAULT_REQUIREMENTS, ROOT).accepted).toBe(false);
  });
});

describe("acceptanceMarkdown", () => {
  it("says in plain words what failed, then one row per requirement with measured vs threshold and evidence", () => {
    const run = fixtureRun();
    const a = acceptance([run], DEFAULT_REQUIREMENTS, ROOT);
    const md = acceptanceMarkdown(a, [run], { generatedAt: new Date(0), allureIndex: "allure-report/index.html" });
    const lines = md.split("\n");
    expect(lines[0]).toBe("# haproof acceptance: NOT ACCEPTED");
    expect(lines[2]).toBe("**NOT ACCEPTED: 2 failed, 1 unknown (of 9 requirements).**");
    expect(md).toContain("- **FAIL** PRISMA-CTRL-TOKENS (node-loss):");
    expect(md).toContain("- **UNKNOWN** HAPROOF-RUNBOOK-COMPLETE (node-loss):");
    const rows = lines.filter((l) => /^\| [A-Z—]/.test(l) && l.includes("](node-loss-"));
    expect(rows.filter((l) => !l.includes("| prisma |"))).toHaveLength(9);
    expect(md).toContain("| PRISMA-CTRL-VIP-MOVE | Controller_VIP moves to the other allowed controller within 30 s");
    expect(md).toContain("| 10.0 s ≤ 30 s | [timeline](node-loss-20261122-025625/timeline.html) · [summary](node-loss-20261122-025625/summary.json) |");
    expect(md).toContain("| **FAIL** | 93.3 s > 90 s |");
    expect(md).toContain("[allure-report/index.html](allure-report/index.html)");
    expect(md).toContain("## Not exercised yet");
  });

  it("escapes table cells and formats measured vs threshold", () => {
    const run = fixtureRun((s) => s.checks.push({ name: "a | b\nc", valid: true, details: {} }));
    const md = acceptanceMarkdown(acceptance([run], DEFAULT_REQUIREMENTS, ROOT), [run]);
    expect(md).toContain("| — | a \\| b c <br><sub>no requirement covers this check</sub> | node-loss | PASS |");
    expect(measuredVsThreshold({ measuredMs: 800, thresholdMs: 1500 })).toBe("800 ms ≤ 1.5 s");
    expect(measuredVsThreshold({ thresholdMs: 30_000 })).toBe("≤ 30 s (not measured)");
    expect(measuredVsThreshold({})).toBe("");
  });
});
