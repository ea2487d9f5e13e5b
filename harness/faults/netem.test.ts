import { describe, expect, it } from "vitest";
import { netemArgs } from "./netem.ts";

describe("netemArgs", () => {
  it("renders delay with jitter and loss", () => {
    expect(netemArgs({ delayMs: 200, jitterMs: 20, lossPercent: 5 })).toEqual(["delay", "200ms", "20ms", "loss", "5%"]);
  });
  it("refuses an empty spec", () => {
    expect(() => netemArgs({})).toThrow(/delay or a loss/);
  });
});
