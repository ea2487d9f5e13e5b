import { describe, expect, it } from "vitest";
import { compareMono, monoMs, monoNs, msToNs, nsToMs, relativeClock, startMono } from "./clock.ts";

describe("clock", () => {
  it("converts ns and ms both ways, keeping sub-ms precision on large values", () => {
    expect(nsToMs(1_500_000n)).toBe(1.5);
    expect(msToNs(2.25)).toBe(2_250_000n);
    expect(nsToMs(123_456_789_012_345_678n)).toBeCloseTo(123_456_789_012.346, 3);
  });

  it("measures ms relative to a start, negative when earlier", () => {
    expect(monoMs({ mono: "3000000" }, "1000000")).toBe(2);
    expect(monoMs("1000000", 3_000_000n)).toBe(-2);
  });

  it("finds the earliest event and builds a relative clock", () => {
    const events = [{ mono: "900000000000000000005" }, { mono: "900000000000000000001" }];
    expect(startMono(events)).toBe("900000000000000000001");
    expect(startMono([])).toBeUndefined();
    expect(relativeClock(events)("900000000000002000001")).toBe(2);
  });

  it("rejects malformed timestamps and compares numerically, not lexically", () => {
    expect(() => monoNs("1.5")).toThrow(RangeError);
    expect(compareMono("9", "10")).toBe(-1);
    expect(compareMono("10", "10")).toBe(0);
  });
});
