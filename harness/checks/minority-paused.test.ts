import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { minorityPaused } from "./minority-paused.ts";

const all = { running: ["rabbit@vm-1", "rabbit@vm-2", "rabbit@vm-3"] };
const two = { running: ["rabbit@vm-2", "rabbit@vm-1"] };
const opts = { minority: ["vm-3"], majority: ["vm-1", "vm-2"], withinMs: 5000 };

function start(): SyntheticHistory {
  return new SyntheticHistory().at(0).sample("rabbit:vm-1", all).sample("rabbit:vm-2", all).sample("rabbit:vm-3", all).at(1000).fault("partition", "effective");
}

describe("minorityPaused", () => {
  it("is true when the minority stops running and the majority runs alone, with timings", () => {
    const h = start()
      .at(2000).sample("rabbit:vm-1", all).sample("rabbit:vm-2", all).sample("rabbit:vm-3", all)
      .at(3000).sample("rabbit:vm-1", two).sample("rabbit:vm-2", two).sample("rabbit:vm-3", { running: [] })
      .at(8000).fault("partition", "healed")
      .at(9000).sample("rabbit:vm-3", all);
    const v = minorityPaused(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ pausedAfterMs: 2000, majorityAfterMs: 2000, pausedMs: 6000, resumedAfterHeal: true });
  });

  it("is false when the minority keeps running (no pause)", () => {
    const h = start().at(3000).sample("rabbit:vm-1", two).sample("rabbit:vm-2", two).sample("rabbit:vm-3", { running: ["rabbit@vm-3"] }).at(8000).fault("partition", "healed");
    const v = minorityPaused(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.reason).toBe("the minority never paused");
  });

  it("is unknown without a fault or without samples inside it", () => {
    expect(minorityPaused(new SyntheticHistory().at(0).sample("rabbit:vm-3", all).events(), opts).valid).toBe("unknown");
    expect(minorityPaused(new SyntheticHistory().at(0).fault("partition", "effective").events(), opts).valid).toBe("unknown");
  });
});
