import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { minorityPaused, reportsPaused } from "./minority-paused.ts";

const all = { running: ["rabbit@vm-1", "rabbit@vm-2", "rabbit@vm-3"] };
const two = { running: ["rabbit@vm-2", "rabbit@vm-1"] };
/** What the sampler records for a node that gave no answer at all. */
const noAnswer = { running: [], partitions: [], down: true };
/** A paused node: no cluster view listing itself, and its own answer that the rabbit app is stopped. */
const paused = { running: [], partitions: [], down: true, appRunning: false };
const opts = { minority: ["vm-3"], majority: ["vm-1", "vm-2"], withinMs: 5000 };

function start(): SyntheticHistory {
  return new SyntheticHistory().at(0).sample("rabbit:vm-1", all).sample("rabbit:vm-2", all).sample("rabbit:vm-3", all).at(1000).fault("partition", "effective");
}

describe("minorityPaused", () => {
  it("is true when the minority says its app stopped and the majority runs alone, with timings", () => {
    const h = start()
      .at(2000)
      .sample("rabbit:vm-1", all)
      .sample("rabbit:vm-2", all)
      .sample("rabbit:vm-3", all)
      .at(3000)
      .sample("rabbit:vm-1", two)
      .sample("rabbit:vm-2", two)
      .sample("rabbit:vm-3", paused)
      .at(4000)
      .sample("rabbit:vm-3", noAnswer)
      .at(8000)
      .fault("partition", "healed")
      .at(9000)
      .sample("rabbit:vm-3", all);
    const v = minorityPaused(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ pausedAfterMs: 2000, majorityAfterMs: 2000, pausedMs: 6000, resumedAfterHeal: true });
    expect(v.metric).toBe(2000);
  });

  it("is unknown, not true, when the minority node only stops answering (no answer is no pause)", () => {
    const h = start()
      .at(3000)
      .sample("rabbit:vm-1", two)
      .sample("rabbit:vm-2", two)
      .sample("rabbit:vm-3", noAnswer)
      .at(4000)
      .sample("rabbit:vm-3", { running: [], partitions: [] })
      .at(8000)
      .fault("partition", "healed");
    const v = minorityPaused(h.events(), opts);
    expect(v.valid).toBe("unknown");
    expect(v.details.pausedAfterMs).toBeUndefined();
  });

  it("is false when the minority keeps running (no pause)", () => {
    const h = start()
      .at(3000)
      .sample("rabbit:vm-1", two)
      .sample("rabbit:vm-2", two)
      .sample("rabbit:vm-3", { running: ["rabbit@vm-3"] })
      .at(8000)
      .fault("partition", "healed");
    const v = minorityPaused(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.reason).toBe("the minority never paused");
  });

  it("is false when the minority node says its app still runs past the bound, even if it then stops answering", () => {
    const h = start()
      .at(3000)
      .sample("rabbit:vm-1", two)
      .sample("rabbit:vm-2", two)
      .sample("rabbit:vm-3", { ...noAnswer, appRunning: true })
      .at(7000)
      .sample("rabbit:vm-3", { ...noAnswer, appRunning: true })
      .at(7500)
      .sample("rabbit:vm-3", noAnswer)
      .at(8000)
      .fault("partition", "healed");
    expect(minorityPaused(h.events(), opts).valid).toBe(false);
  });

  it("is false when the pause comes after the bound", () => {
    const h = start().at(3000).sample("rabbit:vm-1", two).sample("rabbit:vm-2", two).at(7000).sample("rabbit:vm-3", paused).at(8000).fault("partition", "healed");
    const v = minorityPaused(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details).toMatchObject({ pausedAfterMs: 6000, reason: "too late" });
  });

  it("is false when every majority node answers but never with the majority alone; unknown when one stops answering", () => {
    const stuck = start().at(3000).sample("rabbit:vm-1", all).sample("rabbit:vm-2", all).sample("rabbit:vm-3", paused).at(8000).fault("partition", "healed");
    expect(minorityPaused(stuck.events(), opts)).toMatchObject({ valid: false, details: { reason: "the majority never ran alone" } });
    const silent = start().at(3000).sample("rabbit:vm-1", all).sample("rabbit:vm-2", noAnswer).sample("rabbit:vm-3", paused).at(8000).fault("partition", "healed");
    expect(minorityPaused(silent.events(), opts).valid).toBe("unknown");
  });

  it("is unknown without a fault or without samples inside it", () => {
    expect(minorityPaused(new SyntheticHistory().at(0).sample("rabbit:vm-3", all).events(), opts).valid).toBe("unknown");
    expect(minorityPaused(new SyntheticHistory().at(0).fault("partition", "effective").events(), opts).valid).toBe("unknown");
  });

  it("reads a pause only from the node's own answer", () => {
    expect(reportsPaused(paused)).toBe(true);
    expect(reportsPaused(noAnswer)).toBe(false);
    expect(reportsPaused({ running: ["rabbit@vm-1"], appRunning: true })).toBe(false);
    expect(reportsPaused(undefined)).toBe(false);
  });
});
