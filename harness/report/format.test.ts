import { describe, expect, it } from "vitest";
import { formatMetric, formatMs, formatSeconds, isMsMetric } from "./format.ts";

describe("format", () => {
  it("recognises ms metrics by name without matching words ending in 'ms'", () => {
    expect(["maxOutageMs", "outage.ms", "gap_ms", "ms", "vip-db-ms"].every(isMsMetric)).toBe(true);
    expect(["items", "lost", "maxOutage", "systems"].some(isMsMetric)).toBe(false);
  });

  it("formats durations for labels and tables", () => {
    expect(formatSeconds(4200)).toBe("4.2 s");
    expect(formatSeconds(350.4)).toBe("350 ms");
    expect(formatMs(4200)).toBe("4200 ms (4.20 s)");
    expect(formatMetric("maxOutageMs", 1500)).toBe("1500 ms (1.50 s)");
    expect(formatMetric("lost", 3)).toBe("3");
  });
});
