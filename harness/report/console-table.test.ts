import { describe, expect, it } from "vitest";
import { outage } from "../checks/outage.ts";
import { vipUniqueness } from "../checks/vip-uniqueness.ts";
import { SyntheticHistory } from "../history/synthetic.ts";
import { formatSummary } from "./console-table.ts";
import { summarize } from "./summary.ts";

function run() {
  const h = new SyntheticHistory();
  h.at(0).call("mysql", "insert", "ok").at(1000).call("mysql", "insert", "fail").at(5200).call("mysql", "insert", "ok");
  h.at(0).sample("vip:db", ["lb-1"]).at(3000).sample("vip:db", ["lb-2"]);
  return summarize({
    scenario: "node-loss",
    topology: "prisma",
    runId: "r1",
    startedAt: "2025-01-01T00:00:00.000Z",
    durationMs: 61_000,
    checks: { outage: outage(h.events(), { maxOutageMs: 10_000 }), "vip:db": vipUniqueness(h.events(), { vip: "db" }), reads: { valid: "unknown", details: { reason: "no final reads" } } },
    metrics: { maxOutageMs: 5200, lostWrites: 0 },
  });
}

describe("formatSummary", () => {
  it("lists each check's verdict with a digest, each metric, and the overall verdict", () => {
    const text = formatSummary(run(), { color: false });
    const lines = text.split("\n");
    expect(lines.find((l) => l.startsWith("outage"))).toMatch(/PASS\s+max window 5\.2 s ≤ 10 s on mysql; 1 window$/);
    expect(lines.find((l) => l.startsWith("vip:db"))).toMatch(/PASS\s+db: 1 move; max gap 3000 ms/);
    expect(lines.find((l) => l.startsWith("reads"))).toMatch(/UNKNOWN\s+no final reads/);
    expect(lines.find((l) => l.startsWith("maxOutageMs"))).toMatch(/5200 ms \(5\.20 s\)$/);
    expect(lines.find((l) => l.startsWith("lostWrites"))).toMatch(/\s0$/);
    expect(lines.at(-1)).toBe("VERDICT: UNKNOWN");
    expect(text).not.toContain("\x1b[");
  });

  it("colours verdicts when asked", () => {
    const text = formatSummary(run(), { color: true });
    expect(text).toContain("\x1b[32mPASS");
    expect(text).toContain("\x1b[33mVERDICT: UNKNOWN");
  });

  it("says so when no checks ran", () => {
    const s = summarize({ scenario: "s", topology: "t", runId: "r", startedAt: new Date(0), durationMs: 0, checks: {} });
    expect(formatSummary(s, { color: false })).toMatch(/\(no checks\)[\s\S]*VERDICT: UNKNOWN$/);
  });
});
