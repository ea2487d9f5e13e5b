import { describe, expect, it } from "vitest";
import { regressions } from "./regressions.ts";

const run = (warm: number, cpu: number, memory = 2 * 2 ** 30) => ({
  coldBringUpMs: { runs: 0, median: 0 },
  warmBringUpMs: { runs: 3, median: warm },
  peakMemoryBytes: { max: memory },
  probeOverhead: { cpuPercentOfOneCore: cpu, jitterP99Ms: { median: 7 } },
});

describe("bench regressions", () => {
  it("flags each figure more than 20 % worse than the previous run, naming it", () => {
    const r = regressions(run(50_000, 10), run(62_000, 12.5));
    expect(r.map((x) => x.text)).toEqual(["warmBringUpMs.median: 50.0 s -> 62.0 s (+24 %)", "probeOverhead.cpuPercentOfOneCore: 10.0 % -> 12.5 % (+25 %)"]);
  });

  it("does not flag a figure within 20 %, a better one, or one not measured in either run", () => {
    expect(regressions(run(50_000, 10), run(59_000, 8))).toEqual([]);
    expect(regressions({}, run(50_000, 10))).toEqual([]);
    expect(regressions(run(50_000, 10), { warmBringUpMs: { runs: 0, median: 0 } })).toEqual([]);
    expect(regressions(run(50_000, 10, 2 ** 30), run(50_000, 10, 1.3 * 2 ** 30))[0]?.text).toBe("peakMemoryBytes.max: 1.00 GiB -> 1.30 GiB (+30 %)");
  });

  it("compares the observation cost, % of the whole machine", () => {
    const r = regressions({ observation: { machineBusyPercent: 10 } }, { observation: { machineBusyPercent: 13 } });
    expect(r.map((x) => x.text)).toEqual(["observation.machineBusyPercent: 10.0 % -> 13.0 % (+30 %)"]);
  });

  it("compares each probe kind's median calibration error, but not one within a probe period", () => {
    const cal = (ms: number) => ({ calibration: { keystone: { medianErrorMs: ms } } });
    expect(regressions(cal(200), cal(300)).map((x) => x.path)).toEqual(["calibration.keystone.medianErrorMs"]);
    expect(regressions(cal(20), cal(90))).toEqual([]);
  });
});
