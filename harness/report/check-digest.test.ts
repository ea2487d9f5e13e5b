import { describe, expect, it } from "vitest";
import { outage } from "../checks/outage.ts";
import { SyntheticHistory } from "../history/synthetic.ts";
import { checkDigest } from "./check-digest.ts";

describe("checkDigest", () => {
  it("says when an outage never recovered", () => {
    const h = new SyntheticHistory().at(0).call("amqp", "publish", "ok").at(100).call("amqp", "publish", "fail").at(900).phase("end");
    expect(checkDigest(outage(h.events()))).toMatch(/max window 900 ms .* on amqp; 1 window; never recovered/);
  });

  it("reports a healthy probe as no outage", () => {
    const h = new SyntheticHistory().at(0).call("amqp", "publish", "ok");
    expect(checkDigest(outage(h.events()))).toBe("no outage (1 probe)");
  });

  it("falls back to the reason, then to scalar fields (clocks left out, arrays counted, ms as seconds)", () => {
    expect(checkDigest({ details: { reason: "no samples", vip: "db" } })).toBe("no samples");
    expect(checkDigest({ details: { lost: [1, 2], acked: 10, effectiveMono: "123", afterHealMs: 1500, ok: true } }))
      .toBe("lost=[2], acked=10, afterHealMs=1.5 s, ok=true");
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
