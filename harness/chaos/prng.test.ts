import { describe, expect, it } from "vitest";
import { intBetween, mulberry32, pick, sample } from "./prng.ts";

describe("mulberry32", () => {
  it("repeats its sequence for a seed and differs across seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, mulberry32(43))).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("is roughly uniform", () => {
    const rng = mulberry32(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[intBetween(rng, 0, 3)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe("pick and sample", () => {
  it("pick refuses an empty list; sample draws distinct items", () => {
    const rng = mulberry32(1);
    expect(() => pick(rng, [])).toThrow(RangeError);
    const s = sample(rng, ["a", "b", "c"], 2);
    expect(new Set(s).size).toBe(2);
    expect(() => sample(rng, ["a"], 2)).toThrow(RangeError);
  });
});
