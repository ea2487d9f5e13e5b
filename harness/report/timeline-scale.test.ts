import { describe, expect, it } from "vitest";
import { tickLabel, timeScale } from "./timeline-scale.ts";

describe("timeScale", () => {
  it("maps [0, end] linearly onto [x0, x1]", () => {
    const sc = timeScale(30_000, 180, 1176);
    expect(sc.x(0)).toBe(180);
    expect(sc.x(30_000)).toBeCloseTo(1176);
    expect(sc.x(15_000)).toBeCloseTo(678);
  });

  it("picks 1/2/5 steps giving about a dozen ticks, from 0 to the end", () => {
    expect(timeScale(30_000, 0, 1000).stepMs).toBe(5000);
    expect(timeScale(30_000, 0, 1000).ticks).toEqual([0, 5000, 10_000, 15_000, 20_000, 25_000, 30_000]);
    expect(timeScale(1_000, 0, 1000).stepMs).toBe(100);
    expect(timeScale(600_000, 0, 1000).stepMs).toBe(50_000);
  });

  it("uses a one-second domain for an empty or instantaneous history", () => {
    expect(timeScale(0, 0, 100).endMs).toBe(1000);
  });

  it("labels ticks in seconds with decimals to suit the step", () => {
    expect(tickLabel(5000, 5000)).toBe("5 s");
    expect(tickLabel(1500, 500)).toBe("1.5 s");
    expect(tickLabel(250, 50)).toBe("0.25 s");
  });
});
