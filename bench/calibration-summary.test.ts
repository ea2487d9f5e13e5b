import { describe, expect, it } from "vitest";
import { calibrationFigures, calibrationLines } from "./calibration-summary.ts";

describe("calibrationFigures", () => {
  it("takes |error| median and max per kind, counts failures, and keeps a run with no window as null", () => {
    const f = calibrationFigures([
      { kind: "tcp", freezeMs: 1000, errorMs: 80, passed: true },
      { kind: "tcp", freezeMs: 3000, errorMs: -20, passed: true },
      { kind: "tcp", freezeMs: 10000, errorMs: 140, passed: true },
      { kind: "glance", freezeMs: 1000, passed: false },
      { kind: "glance", freezeMs: 3000, errorMs: -900, passed: false },
    ]);
    expect(Object.keys(f)).toEqual(["tcp", "glance"]);
    expect(f.tcp).toMatchObject({ runs: 3, medianErrorMs: 80, maxErrorMs: 140, failed: 0 });
    expect(f.glance).toMatchObject({ runs: 2, medianErrorMs: 900, maxErrorMs: 900, failed: 2, errorsByFreezeMs: { "1000": [null], "3000": [-900] } });
    expect(calibrationLines(f)[1]).toContain("2 FAILED (1 s: no window; 3 s: -900)");
  });
});
