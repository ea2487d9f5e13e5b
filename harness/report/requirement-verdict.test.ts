import { describe, expect, it } from "vitest";
import { outage } from "../checks/outage.ts";
import { SyntheticHistory } from "../history/synthetic.ts";
import { judgeRequirement, windowNeverClosed } from "./requirement-verdict.ts";

const bounded = { metric: "dbOutageMs", thresholdMs: 20_000 };
const pass = { valid: true as const, details: {} };

describe("judgeRequirement", () => {
  it("is unknown, never true, for a bounded requirement whose metric is absent or not finite", () => {
    expect(judgeRequirement(bounded, pass, {})).toEqual({ valid: "unknown", note: "metric dbOutageMs not recorded: the 20 s bound cannot be judged" });
    expect(judgeRequirement({ metric: "m", thresholdMs: 1 }, pass, { m: Number.NaN })).toEqual({ valid: "unknown", note: "metric m not measured (NaN): the 1 ms bound cannot be judged" });
    expect(judgeRequirement(bounded, pass, { dbOutageMs: null })).toMatchObject({ valid: "unknown" });
    expect(judgeRequirement(bounded, pass, { dbOutageMs: Number.POSITIVE_INFINITY })).toEqual({
      valid: "unknown",
      note: "metric dbOutageMs is Infinity, not a measurement: the 20 s bound cannot be judged",
    });
    // false beats unknown: a failed check stays failed.
    expect(judgeRequirement(bounded, { valid: false, details: {} }, {}).valid).toBe(false);
  });

  it("keeps the check's verdict for an unbounded metric that is missing, with a note", () => {
    expect(judgeRequirement({ metric: "m" }, pass, {})).toEqual({ valid: true, note: "metric m not recorded" });
    expect(judgeRequirement({ thresholdMs: 30_000 }, pass, {})).toEqual({ valid: true });
  });

  it("fails a passed check above the bound, and is unknown when the check is missing", () => {
    expect(judgeRequirement(bounded, pass, { dbOutageMs: 20_001 })).toEqual({ valid: false, measuredMs: 20_001, note: "measured value exceeds the threshold in force" });
    expect(judgeRequirement(bounded, pass, { dbOutageMs: 20_000 })).toEqual({ valid: true, measuredMs: 20_000 });
    expect(judgeRequirement(bounded, undefined, { dbOutageMs: 5 })).toEqual({ valid: "unknown", measuredMs: 5, note: "the run did not report this check" });
  });

  it("marks a window that never closed, and never lets it pass within the bound", () => {
    const h = new SyntheticHistory().at(0).call("mysql", "insert", "ok").at(100).call("mysql", "insert", "fail").at(9000).phase("end");
    const v = outage(h.events(), { processes: ["mysql"] });
    expect(windowNeverClosed(v, {}, "dbOutageMs")).toBe(true);
    expect(judgeRequirement(bounded, { valid: false, details: v.details }, { dbOutageMs: 8900 })).toEqual({ valid: false, measuredMs: 8900, open: true });
    expect(judgeRequirement(bounded, { valid: true, details: v.details }, { dbOutageMs: 8900 })).toEqual({
      valid: "unknown",
      measuredMs: 8900,
      open: true,
      note: "the window never closed: the measured value is only a lower bound",
    });
  });

  it("reads an explicit openAtEnd or a <metric>.open companion before the outage windows", () => {
    expect(windowNeverClosed({ details: { openAtEnd: true } }, {}, "m")).toBe(true);
    expect(windowNeverClosed({ details: { openAtEnd: false, processes: { p: { windows: [{ recovered: false }] } } } }, {}, "m")).toBe(false);
    expect(windowNeverClosed({ details: {} }, { "m.open": 1 }, "m")).toBe(true);
    expect(windowNeverClosed({ details: { openAtEnd: true } }, { "m.open": 0 }, "m")).toBe(false);
    expect(windowNeverClosed(undefined, {}, "m")).toBe(false);
  });
});
