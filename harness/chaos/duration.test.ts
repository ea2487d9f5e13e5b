import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.ts";

describe("parseDuration", () => {
  it("reads seconds, minutes, hours, milliseconds and compounds", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("10m")).toBe(600_000);
    expect(parseDuration("1h")).toBe(3_600_000);
    expect(parseDuration("1500ms")).toBe(1500);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("1.5m")).toBe(90_000);
  });

  it("refuses bare numbers, unknown units, junk and zero with the text named", () => {
    for (const bad of ["", "90", "10x", "m", "10m junk", "-5s"]) expect(() => parseDuration(bad)).toThrow(/not a duration/);
    expect(() => parseDuration("0s")).toThrow(/positive/);
  });
});

describe("formatDuration", () => {
  it("round-trips through parseDuration", () => {
    for (const ms of [1500, 90_000, 600_000, 3_600_000, 5_400_000, 3_661_000]) expect(parseDuration(formatDuration(ms))).toBe(ms);
    expect(formatDuration(600_000)).toBe("10m");
    expect(formatDuration(90_000)).toBe("1m30s");
  });
});
