import { describe as suite, expect, it } from "vitest";
import { describe } from "./stats.ts";

suite("bench stats", () => {
  it("gives median and spread for odd and even counts", () => {
    expect(describe([3, 1, 2])).toMatchObject({ runs: 3, median: 2, min: 1, max: 3, spread: 2 });
    expect(describe([4, 1, 2, 3]).median).toBe(2.5);
  });
  it("is NaN for no runs", () => {
    expect(describe([]).median).toBeNaN();
  });
});
