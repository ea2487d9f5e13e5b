import { describe, expect, it } from "vitest";
import { outage } from "../checks/outage.ts";
import { SyntheticHistory } from "../history/synthetic.ts";
import { checkDigest } from "./check-digest.ts";

describe("checkDigest", () => {
  it("does not read another check's per-process details as an outage with no probe ops", () => {
    const failover = { details: { away: ["vm-3"], failoverMs: { "amqp-consume": 70535 }, processes: { "amqp-consume": { valid: true, details: { failoverMs: 70535, host: "vm-1" } } } } };
    expect(checkDigest(failover)).not.toMatch(/no probe ops/);
    expect(checkDigest(failover)).toBe("failed over: amqp-consume 70535 ms (70.53 s)");
  });

  it("says when an outage never recovered: the window is a lower bound, compared with no bound", () => {
    const h = new SyntheticHistory().at(0).call("amqp", "publish", "ok").at(100).call("amqp", "publish", "fail").at(64_500).phase("end");
    expect(checkDigest(outage(h.events()))).toBe("max window ≥ 64.5 s, never recovered on amqp; 1 window");
    expect(checkDigest(outage(h.events(), { maxOutageMs: 90_000 }))).toBe("max window ≥ 64.5 s, never recovered (bound 90 s) on amqp; 1 window");
  });

  it("states the comparison with the bound that decided the verdict", () => {
    const h = new SyntheticHistory().at(0).call("mysql", "insert", "ok").at(1000).call("mysql", "insert", "fail").at(45_100).call("mysql", "insert", "ok");
    expect(checkDigest(outage(h.events(), { maxOutageMs: 30_000 }))).toBe("max window 45.1 s > 30 s on mysql; 1 window");
    expect(checkDigest(outage(h.events(), { maxOutageMs: 60_000 }))).toBe("max window 45.1 s ≤ 60 s on mysql; 1 window");
  });

  it("reports a healthy probe as no outage", () => {
    const h = new SyntheticHistory().at(0).call("amqp", "publish", "ok");
    expect(checkDigest(outage(h.events()))).toBe("no outage (1 probe)");
  });

  it("falls back to the reason, then to scalar fields (clocks left out, arrays counted, ms as seconds)", () => {
    expect(checkDigest({ details: { reason: "no samples", vip: "db" } })).toBe("no samples");
    expect(checkDigest({ details: { lost: [1, 2], acked: 10, effectiveMono: "123", afterHealMs: 1500, ok: true } })).toBe("lost=[2], acked=10, afterHealMs=1.5 s, ok=true");
    expect(checkDigest({ details: {} })).toBe("-");
  });

  it("digests VIP moves, split-brain and handover overlaps", () => {
    const details = { vip: "db", moves: [{}, {}], maxMoveMs: 3380, splitBrain: [{}], handoverOverlaps: [{}] };
    expect(checkDigest({ details }, 200)).toMatch(/^db: 2 moves; max gap 3380 ms .*; split-brain in 1 samples; 1 handover overlap$/);
  });

  it("truncates to maxLength", () => {
    expect(checkDigest({ details: { reason: "x".repeat(200) } }, 20)).toHaveLength(20);
  });
});
