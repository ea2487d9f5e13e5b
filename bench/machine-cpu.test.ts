import { describe, expect, it } from "vitest";
import { busyBetween, parseProcStat } from "./machine-cpu.ts";

const before = `cpu  10000 500 4000 80000 1000 0 200 300 0 0
cpu0 5000 250 2000 40000 500 0 100 150 0 0
cpu1 5000 250 2000 40000 500 0 100 150 0 0
intr 123456 0 0
ctxt 987654
btime 1700000000
`;
// Δ: user 200, nice 50, system 100, idle 500, iowait 50, irq 25, softirq 25, steal 50 -> Δtotal 1000.
const after = `cpu  10200 550 4100 80500 1050 25 225 350 40 0
cpu0 5100 275 2050 40250 525 12 112 175 20 0
cpu1 5100 275 2050 40250 525 13 113 175 20 0
intr 123999 0 0
`;

describe("machine cpu (/proc/stat)", () => {
  it("parses the aggregate cpu line, not a per-core one, leaving guest time out of the total", () => {
    expect(parseProcStat(before)).toEqual({ user: 10000, nice: 500, system: 4000, idle: 80000, iowait: 1000, irq: 0, softirq: 200, steal: 300, total: 96000 });
  });

  it("treats missing trailing fields of an old kernel as 0, and refuses text with no cpu line", () => {
    expect(parseProcStat("cpu 1 2 3 4\n")).toMatchObject({ user: 1, nice: 2, system: 3, idle: 4, iowait: 0, steal: 0, total: 10 });
    expect(() => parseProcStat("cpu0 1 2 3 4\n")).toThrow(/no aggregate cpu line/);
  });

  it("says 45 % of the whole machine busy: user+nice 25 %, system+irq+softirq 15 %, steal 5 %", () => {
    const b = busyBetween(parseProcStat(before), parseProcStat(after))!;
    expect(b.elapsedJiffies).toBe(1000);
    expect(b.busyPercent).toBeCloseTo(45, 10);
    expect(b.userPercent).toBeCloseTo(25, 10);
    expect(b.systemPercent).toBeCloseTo(15, 10);
    expect(b.stealPercent).toBeCloseTo(5, 10);
    expect(b.iowaitPercent).toBeCloseTo(5, 10);
    expect(b.userPercent + b.systemPercent + b.stealPercent).toBeCloseTo(b.busyPercent, 10);
  });

  it("is undefined, not NaN, when no jiffies elapsed", () => {
    const s = parseProcStat(before);
    expect(busyBetween(s, s)).toBeUndefined();
  });
});
