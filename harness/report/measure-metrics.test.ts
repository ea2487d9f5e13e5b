import { describe, expect, it } from "vitest";
import { measureMetrics, METRICS_CHECK } from "./measure-metrics.ts";
import { summarize } from "./summary.ts";

describe("measureMetrics", () => {
  const verdicts = { "DB outage within bound": { valid: true as const, details: {} } };

  it("returns the metrics when the function works", () => {
    expect(measureMetrics(() => ({ dbOutageMs: 4200 }), verdicts)).toEqual({ metrics: { dbOutageMs: 4200 } });
  });

  it("makes the run unknown, naming the error, when the metrics function throws", () => {
    const m = measureMetrics((v) => ({ dbOutageMs: ((v as Record<string, unknown>).missing as { details: { maxMs: number } }).details.maxMs }), verdicts);
    expect(m.metrics).toEqual({});
    expect(m.failed).toEqual({ valid: "unknown", details: { error: expect.stringMatching(/^TypeError: /) } });
    const s = summarize({ scenario: "lb-failover", topology: "prisma", runId: "r", startedAt: new Date(0), durationMs: 1, checks: { ...verdicts, [METRICS_CHECK]: m.failed! }, metrics: m.metrics });
    expect(s.verdict).toBe("unknown");
    expect(s.checks.find((c) => c.name === "metrics recorded")?.details.error).toMatch(/reading 'details'/);
  });
});
