import { describe, expect, it } from "vitest";
import { runVerdict, summarize } from "./summary.ts";

const base = { scenario: "node-loss", topology: "prisma", runId: "r1", startedAt: "2025-01-01T00:00:00.000Z", durationMs: 1000 };
const v = (valid: true | false | "unknown") => ({ valid, details: {} });

describe("summarize", () => {
  it("takes the worst check: false beats unknown beats true", () => {
    expect(summarize({ ...base, checks: { a: v(true), b: v("unknown"), c: v(false) } }).verdict).toBe("fail");
    expect(summarize({ ...base, checks: { a: v(true), b: v("unknown") } }).verdict).toBe("unknown");
    expect(summarize({ ...base, checks: { a: v(true), b: v(true) } }).verdict).toBe("pass");
  });

  it("is unknown with no checks", () => {
    expect(summarize({ ...base, checks: {} }).verdict).toBe("unknown");
    expect(summarize({ ...base, checks: [] }).verdict).toBe("unknown");
  });

  it("accepts named or listed checks and keeps their order and details", () => {
    const s = summarize({ ...base, checks: { outage: { valid: true, details: { x: 1 } }, vip: v(true) } });
    expect(s.checks).toEqual([
      { name: "outage", valid: true, details: { x: 1 } },
      { name: "vip", valid: true, details: {} },
    ]);
    const l = summarize({ ...base, checks: [{ name: "z", valid: false, details: {} }] });
    expect(l.checks.map((c) => c.name)).toEqual(["z"]);
  });

  it("normalises times and derives the duration from endedAt", () => {
    const s = summarize({ ...base, durationMs: undefined, startedAt: new Date(0), endedAt: new Date(2500), checks: {}, metrics: { m: 1 } });
    expect(s).toMatchObject({ startedAt: "1970-01-01T00:00:00.000Z", durationMs: 2500, metrics: { m: 1 } });
    expect(s).not.toHaveProperty("standIns");
    expect(summarize({ ...base, checks: {}, standIns: ["pacemaker for clusterware"] }).standIns).toEqual(["pacemaker for clusterware"]);
  });

  it("maps validity to run verdicts", () => {
    expect([true, false, "unknown"].map((x) => runVerdict(x as never))).toEqual(["pass", "fail", "unknown"]);
  });
});
