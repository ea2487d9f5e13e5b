import { describe, expect, it } from "vitest";
import { summarize } from "./summary.ts";
import { renderTimelineHtml } from "./timeline-html.ts";

describe("renderTimelineHtml", () => {
  it("embeds the svg with a title, legend, how-to-read and the checks", () => {
    const s = summarize({
      scenario: "node-loss",
      topology: "prisma",
      runId: "r1",
      startedAt: new Date(0),
      durationMs: 1000,
      checks: { outage: { valid: false, details: { reason: "too <long>" } } },
      metrics: { maxOutageMs: 4200 },
    });
    const html = renderTimelineHtml('<svg id="x"></svg>', "node-loss on prisma", s);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<svg id="x"></svg>');
    expect(html).toContain("<title>node-loss on prisma</title>");
    expect(html).toContain("How to read the timeline");
    expect(html).toContain(">FAIL</span>");
    expect(html).toContain("too &lt;long&gt;");
    expect(html).toContain("4200 ms (4.20 s)");
  });

  it("works without a summary", () => {
    const html = renderTimelineHtml("<svg></svg>", "t");
    expect(html).toContain("<svg></svg>");
    expect(html).not.toContain("<h2>Checks</h2>");
  });
});
