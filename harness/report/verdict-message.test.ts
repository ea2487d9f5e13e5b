import { describe, expect, it } from "vitest";
import { verdictMessage } from "./verdict-message.ts";

describe("verdictMessage", () => {
  it("names every check that is not a pass, with its digest, and leaves passing checks out", () => {
    const m = verdictMessage({
      runId: "chaos-1",
      verdict: "fail",
      checks: [
        { name: "ok one", valid: true, details: {} },
        { name: "VIP controller unique", valid: false, details: { vip: "controller", moves: [], splitBrain: [{}, {}] } },
        { name: "drained", valid: "unknown", details: { reason: "queue drain not recorded" } },
      ],
    });
    expect(m).toBe("run chaos-1 verdict fail\nFAIL VIP controller unique: controller: 0 moves; split-brain in 2 samples\nUNKNOWN drained: queue drain not recorded");
  });
});
