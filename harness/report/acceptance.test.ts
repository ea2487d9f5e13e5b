import { describe, expect, it } from "vitest";
import { DEFAULT_REQUIREMENTS as DEFAULT_TABLE, type Requirement } from "../requirements/index.ts";
import { prisma } from "../../topologies/index.ts";
import { FIXTURE_REQUIREMENTS } from "./fixtures/fixture-requirements.ts";
import { acceptance } from "./acceptance.ts";
import { acceptanceHeadline, acceptanceMarkdown, measuredVsThreshold, ownTimingCell } from "./acceptance-markdown.ts";
import type { ReportRun } from "./find-runs.ts";
import { allPass, FIXTURE_ROOT as ROOT, fixtureRun } from "./fixture-run.ts";
import { summarize } from "./summary.ts";
const patch = (id: string, p: Partial<Requirement>) => FIXTURE_REQUIREMENTS.map((r) => (r.id === id ? { ...r, ...p } : r));

describe("acceptance", () => {
  it("judges every requirement of the run's scenario with the check's verdict", () => {
    const a = acceptance([fixtureRun()], FIXTURE_REQUIREMENTS, ROOT);
    expect(a.rows).toHaveLength(9);
    // The fixture run recorded no controllerRejoinMs: its bounded rejoin requirement cannot be judged.
    expect(a.counts).toEqual({ total: 9, met: 5, failed: 2, unknown: 2 });
    expect(a.accepted).toBe(false);
    expect(a.rows.filter((r) => r.valid === false).map((r) => r.id)).toEqual(["PRISMA-CTRL-TOKENS", "PRISMA-CTRL-GLANCE-OUTAGE"]);
    expect(a.rows.filter((r) => r.valid === "unknown").map((r) => r.id)).toEqual(["PRISMA-CTRL-REJOIN", "HAPROOF-RUNBOOK-COMPLETE"]);
    const move = a.rows.find((r) => r.id === "PRISMA-CTRL-VIP-MOVE")!;
    expect(move).toMatchObject({ valid: true, measuredMs: 9997.302585000001, thresholdMs: 30_000, scenario: "node-loss" });
    expect(move.evidence).toEqual({
      timeline: "node-loss-20261122-025625/timeline.html",
      history: "node-loss-20261122-025625/history.jsonl",
      summary: "node-loss-20261122-025625/summary.json",
    });
  });

  it("fails a passed check whose measured value exceeds a stricter threshold in force", () => {
    const a = acceptance([fixtureRun(allPass)], patch("PRISMA-CTRL-KEYSTONE-OUTAGE", { thresholdMs: 15_000 }), ROOT);
    const row = a.rows.find((r) => r.id === "PRISMA-CTRL-KEYSTONE-OUTAGE")!;
    expect(row).toMatchObject({ valid: false, note: "measured value exceeds the threshold in force" });
    expect(a.counts.failed).toBe(1);
  });

  it("is unknown for a check the run did not report, and adds a row for a check no requirement covers", () => {
    const a = acceptance(
      [
        fixtureRun((s) => {
          allPass(s);
          s.checks = s.checks.filter((c) => c.name !== "Glance downloads keep the original checksum");
          s.checks.push({ name: "an extra check", valid: false, details: {} });
        }),
      ],
      FIXTURE_REQUIREMENTS,
      ROOT,
    );
    expect(a.rows.find((r) => r.id === "PRISMA-CTRL-IMAGES")).toMatchObject({ valid: "unknown", note: "the run did not report this check" });
    const extra = a.rows.find((r) => r.check === "an extra check")!;
    expect(extra).toMatchObject({ valid: false, note: "no requirement covers this check" });
    expect(extra.id).toBeUndefined();
    expect(a.counts).toEqual({ total: 10, met: 8, failed: 1, unknown: 1 });
  });

  it("accepts when every row holds, and lists requirements of scenarios no run exercised", () => {
    const a = acceptance([fixtureRun(allPass)], FIXTURE_REQUIREMENTS, ROOT);
    expect(a.accepted).toBe(true);
    expect(acceptanceHeadline(a)).toBe("All 9 requirements met");
    expect(a.notRun.some((r) => r.scenario === "node-loss" || r.scenario === "*")).toBe(false);
    expect(new Set(a.notRun.map((r) => r.scenario)).size).toBe(18); // the 16 other scenarios (11 PRISMA, 5 clusterware), the chaos run and the calibration
    expect(acceptance([], FIXTURE_REQUIREMENTS, ROOT).accepted).toBe(false);
  });

  it("matches checks by requirement id when the summary carries ids, by title only when it does not", () => {
    const a = acceptance(
      [
        fixtureRun((s) => {
          allPass(s);
          // Ids given: a renamed title still matches its requirement; the title alone no longer does.
          s.checks = s.checks.map((c) => {
            const r = FIXTURE_REQUIREMENTS.find((x) => x.title === c.name && (x.scenario === s.scenario || x.scenario === "*"));
            return r ? { ...c, id: r.id, name: r.id === "PRISMA-CTRL-IMAGES" ? "renamed" : c.name } : c;
          });
        }),
      ],
      FIXTURE_REQUIREMENTS,
      ROOT,
    );
    expect(a.rows.find((r) => r.id === "PRISMA-CTRL-IMAGES")).toMatchObject({ valid: true, check: "Glance downloads keep the original checksum" });
    expect(a.rows.filter((r) => r.id === undefined)).toEqual([]);
  });

  it("judges a conditional requirement only when the run reports its check", () => {
    const base = fixtureRun(allPass);
    const run = (checks: typeof base.summary.checks) => ({ ...base, summary: { ...base.summary, scenario: "network-failover", checks } });
    const none = acceptance([run([])], FIXTURE_REQUIREMENTS, ROOT);
    expect(none.rows.map((r) => r.id)).not.toContain("PRISMA-NET-CTRL-VIP-MOVE");
    expect(none.rows.map((r) => r.id)).toContain("PRISMA-NET-VIP-MOVE");
    const moved = acceptance([run([{ id: "PRISMA-NET-CTRL-VIP-MOVE", name: "x", valid: false, details: {} }])], FIXTURE_REQUIREMENTS, ROOT);
    expect(moved.rows.find((r) => r.id === "PRISMA-NET-CTRL-VIP-MOVE")?.valid).toBe(false);
  });
});

describe("acceptanceMarkdown", () => {
  it("says in plain words what failed, then one row per requirement with measured vs threshold and evidence", () => {
    const run = fixtureRun();
    const a = acceptance([run], FIXTURE_REQUIREMENTS, ROOT);
    const md = acceptanceMarkdown(a, [run], { generatedAt: new Date(0), allureIndex: "allure-report/index.html" });
    const lines = md.split("\n");
    expect(lines[0]).toBe("# haproof acceptance: NOT ACCEPTED");
    expect(lines[2]).toBe("**NOT ACCEPTED: 2 failed, 2 unknown (of 9 requirements).**");
    expect(md).toContain("- **FAIL** PRISMA-CTRL-TOKENS (node-loss):");
    expect(md).toContain("- **UNKNOWN** HAPROOF-RUNBOOK-COMPLETE (node-loss):");
    const rows = lines.filter((l) => /^\| [A-Z—]/.test(l) && l.includes("](node-loss-"));
    expect(rows.filter((l) => !l.includes("| prisma |"))).toHaveLength(9);
    expect(md).toContain("| PRISMA-CTRL-VIP-MOVE | Controller_VIP moves to the other allowed controller within 30 s");
    expect(md).toContain(
      "| 10.0 s ≤ 30 s | [timeline](node-loss-20261122-025625/timeline.html) · [history](node-loss-20261122-025625/history.jsonl) · [summary](node-loss-20261122-025625/summary.json) |",
    );
    expect(md).toContain("| **UNKNOWN** | not recorded (bound 180 s) |");
    expect(md).toContain("| **FAIL** | 93.3 s > 90 s |");
    expect(md).toContain("[allure-report/index.html](allure-report/index.html)");
    expect(md).toContain("## Not exercised yet");
  });

  it('says a window that never closed is a lower bound that never recovered, not "≤" its bound', () => {
    const run = fixtureRun((s) => {
      const glance = s.checks.find((c) => c.name === "Glance outage within bound")!;
      (glance.details.processes as { glance: { windows: { recovered: boolean }[] } }).glance.windows[0]!.recovered = false;
      s.metrics.glanceOutageMs = 64_500;
    });
    const a = acceptance([run], FIXTURE_REQUIREMENTS, ROOT);
    expect(a.rows.find((r) => r.id === "PRISMA-CTRL-GLANCE-OUTAGE")).toMatchObject({ valid: false, measuredMs: 64_500, open: true });
    const md = acceptanceMarkdown(a, [run], { generatedAt: new Date(0) });
    expect(md).toContain("| **FAIL** | ≥ 64.5 s, never recovered (bound 90 s) |");
    expect(md).not.toContain("64.5 s ≤ 90 s");
  });

  it("escapes table cells and formats measured vs threshold", () => {
    const run = fixtureRun((s) => s.checks.push({ name: "a | b\nc", valid: true, details: {} }));
    const md = acceptanceMarkdown(acceptance([run], FIXTURE_REQUIREMENTS, ROOT), [run]);
    expect(md).toContain("| — | a \\| b c <br><sub>no requirement covers this check</sub> | node-loss | PASS |");
    expect(measuredVsThreshold({ measuredMs: 800, thresholdMs: 1500 })).toBe("800 ms ≤ 1.5 s");
    expect(measuredVsThreshold({ measuredMs: 45_100, thresholdMs: 30_000 })).toBe("45.1 s > 30 s");
    expect(measuredVsThreshold({ measuredMs: 30_040, thresholdMs: 30_000 })).toBe("30040 ms > 30000 ms");
    expect(measuredVsThreshold({ metric: "m", thresholdMs: 30_000 })).toBe("not recorded (bound 30 s)");
    expect(measuredVsThreshold({ measuredMs: 64_500, thresholdMs: 90_000, open: true })).toBe("≥ 64.5 s, never recovered (bound 90 s)");
    expect(measuredVsThreshold({ thresholdMs: 30_000 })).toBe("bound 30 s, judged by the check");
    expect(measuredVsThreshold({})).toBe("");
  });
});

describe("acceptance of bounded requirements without a measurement (issue 13.1)", () => {
  const lbChecks = ["DB VIP moved to the other load balancer", "DB VIP never on two load balancers", "DB outage within bound", "no acknowledged write lost", "the runbook ran to the end"];
  const lbRun = (metrics: Record<string, number>): ReportRun => ({
    dir: `${ROOT}/lb-failover-1`,
    summary: summarize({
      scenario: "lb-failover",
      topology: "prisma",
      runId: "lb-failover-1",
      startedAt: new Date(0),
      durationMs: 1,
      checks: Object.fromEntries(lbChecks.map((n) => [n, { valid: true as const, details: {} }])),
      metrics,
    }),
  });

  it("does not accept an lb-failover run whose checks passed but recorded no metrics", () => {
    const a = acceptance([lbRun({})], FIXTURE_REQUIREMENTS, ROOT);
    expect(a.accepted).toBe(false);
    expect(a.rows.find((r) => r.id === "PRISMA-LB-MYSQL-OUTAGE")).toMatchObject({ valid: "unknown", note: "metric dbOutageMs not recorded: the 20 s bound cannot be judged" });
    expect(a.rows.find((r) => r.id === "PRISMA-LB-VIP-MOVE")?.valid).toBe("unknown");
    expect(a.counts).toEqual({ total: 5, met: 3, failed: 0, unknown: 2 });
  });

  it("does not accept a NaN metric against a 1 ms bound", () => {
    const table = patch("PRISMA-LB-MYSQL-OUTAGE", { thresholdMs: 1 });
    const a = acceptance([lbRun({ dbVipMoveMs: 1, dbOutageMs: Number.NaN })], table, ROOT);
    expect(a.accepted).toBe(false);
    const row = a.rows.find((r) => r.id === "PRISMA-LB-MYSQL-OUTAGE")!;
    expect(row).toMatchObject({ valid: "unknown", note: "metric dbOutageMs not measured (NaN): the 1 ms bound cannot be judged" });
    expect(measuredVsThreshold(row)).toBe("not recorded (bound 1 ms)");
  });
});

describe("consistent with its own timings (issue 13)", () => {
  const lbChecks = ["DB VIP moved to the other load balancer", "DB VIP never on two load balancers", "DB outage within bound", "no acknowledged write lost", "the runbook ran to the end"];
  const run = (tunables: Record<string, number> | undefined, metrics: Record<string, number>): ReportRun => ({
    dir: `${ROOT}/lb-failover-2`,
    summary: summarize({
      scenario: "lb-failover",
      topology: "prisma",
      runId: "lb-failover-2",
      startedAt: new Date(0),
      durationMs: 1,
      checks: Object.fromEntries(lbChecks.map((n) => [n, { valid: true as const, details: {} }])),
      metrics,
      tunables,
    }),
  });
  const slowAdverts = { ...prisma.tunables, keepalivedAdvertIntS: 10 };

  it("a timing set far above its default fails the fixed bound and passes its own timings' bound, side by side", () => {
    // --set tunables.keepalivedAdvertIntS=10: the VIP moves in about 35 s, as 3 x 10 s adverts + skew allow.
    const a = acceptance([run(slowAdverts, { dbVipMoveMs: 35_000, dbOutageMs: 36_000 })], DEFAULT_TABLE, ROOT);
    const move = a.rows.find((r) => r.id === "PRISMA-LB-VIP-MOVE")!;
    expect(move).toMatchObject({ valid: false, thresholdMs: 11_000, ownTiming: { valid: true, boundMs: 47_000 } });
    expect(move.boundOrigin).toMatch(/^3 × keepalivedAdvertIntS/);
    const md = acceptanceMarkdown(a, [run(slowAdverts, {})]);
    expect(md).toContain("| consistent with its own timings |");
    expect(md).toContain("| **FAIL** | 35.0 s > 11 s |");
    expect(md).toContain(" | yes (≤ 47 s) |");
    expect(md).toContain("<br><sub>bound: 3 × keepalivedAdvertIntS (adverts missed: the master is down) + ");
  });

  it("says NO when a run is slower than its own configuration allows, unknown without recorded tunables", () => {
    const slow = acceptance([run(prisma.tunables, { dbVipMoveMs: 12_500, dbOutageMs: 1_000 })], DEFAULT_TABLE, ROOT).rows.find((r) => r.id === "PRISMA-LB-VIP-MOVE")!;
    expect(slow.ownTiming).toEqual({ valid: false, boundMs: 11_000, note: "12500 ms > 11000 ms that its own timings allow" });
    expect(ownTimingCell(slow)).toBe("NO (12.5 s > 11 s)");
    const old = acceptance([run(undefined, { dbVipMoveMs: 1_000, dbOutageMs: 1_000 })], DEFAULT_TABLE, ROOT).rows.find((r) => r.id === "PRISMA-LB-VIP-MOVE")!;
    expect(old.ownTiming).toMatchObject({ valid: "unknown", note: "the run recorded no prisma tunables" });
    expect(old.valid).toBe(true);
    // Not applicable: no formula (a recovery budget) or no metric.
    const unique = acceptance([run(prisma.tunables, {})], DEFAULT_TABLE, ROOT).rows.find((r) => r.id === "PRISMA-LB-VIP-UNIQUE")!;
    expect(unique.ownTiming).toBeUndefined();
    expect(ownTimingCell(unique)).toBe("");
  });

  it("summary.json carries the run's tunables", () => {
    expect(run(slowAdverts, {}).summary.tunables).toEqual(slowAdverts);
    expect(run(undefined, {}).summary).not.toHaveProperty("tunables");
  });
});
