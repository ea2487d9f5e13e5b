import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { renderTimelineSvg, timelineSvgWithLayout } from "./timeline.ts";
import { timeScale } from "./timeline-scale.ts";

// Two probes every 250 ms for 20 s; mysql fails from 6 s to 10 s; one fault 5.5-12 s; the db VIP moves lb-1 -> lb-2 at 7 s.
function scenario(): SyntheticHistory {
  const h = new SyntheticHistory();
  for (let t = 0; t <= 20_000; t += 250) {
    h.at(t).call("mysql", "insert", t >= 6000 && t < 10_000 ? "fail" : "ok", { latencyMs: 5 });
    h.at(t + 10).call("keystone", "issue-token", "ok", { latencyMs: 20 });
    h.at(t).sample("vip:db", t < 7000 ? ["lb-1"] : ["lb-2"]);
  }
  h.at(5500).fault("kill", "start", ["data-1"]).at(5600).fault("kill", "effective", ["data-1"]).at(12_000).fault("kill", "healed", ["data-1"]);
  return h;
}

const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

describe("renderTimelineSvg", () => {
  it("draws exactly one lane per probe and per VIP, a fault rect at the fault time, and an outage label", () => {
    const h = scenario();
    const svg = renderTimelineSvg(h.events(), { summary: { scenario: "node-loss", topology: "prisma", verdict: "fail", runId: "r1", startedAt: "2025-01-01T00:00:00.000Z" } });
    expect(count(svg, /class="lane probe"/g)).toBe(2);
    expect(count(svg, /class="lane vip"/g)).toBe(1);
    expect(count(svg, /data-lane="/g)).toBe(3);
    expect(svg).toContain('data-lane="mysql"');
    expect(svg).toContain('data-lane="keystone"');
    expect(svg).toContain('data-lane="vip:db"');

    // The history spans 0..20.03 s; the default plot runs from the 180 px gutter to 1200 - 24 px.
    const end = 20_030;
    const sc = timeScale(end, 180, 1176);
    const fault = svg.match(/<rect data-fault="kill" x="([\d.]+)"/);
    expect(fault).not.toBeNull();
    expect(Number(fault![1])).toBeCloseTo(sc.x(5500), 0);
    expect(Number(fault![1])).toBeCloseTo(180 + (5500 / end) * 996, 0);
    expect(count(svg, /data-fault="/g)).toBe(1);

    // mysql: last ok completes at 5.755 s, first ok after completes at 10.005 s -> 4.25 s.
    expect(svg).toMatch(/<text class="outage-label"[^>]*>4\.3 s<\/text>/);
    expect(count(svg, /class="outage-label"/g)).toBe(1);

    expect(svg).toMatch(/>lb-1<\/text>/);
    expect(svg).toMatch(/>lb-2<\/text>/);
    expect(svg).toContain("node-loss");
    expect(svg).toMatch(/class="verdict">FAIL</);
  });

  it("reports its layout and is well-formed enough to start and end as one svg element", () => {
    const { svg, layout } = timelineSvgWithLayout(scenario().events(), { width: 800 });
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain('width="800"');
    expect(layout.scale.x1).toBe(776);
    expect(layout.plotBottom).toBeGreaterThan(layout.plotTop + 3 * 28);
    expect(svg).toContain(`height="${layout.height}"`);
  });

  it("colours no-holder spans grey and two holders red", () => {
    const h = new SyntheticHistory().at(0).sample("vip:db", ["lb-1"]).at(1000).sample("vip:db", []).at(2000).sample("vip:db", ["lb-1", "lb-2"]).at(5000).sample("vip:db", ["lb-2"]);
    const svg = renderTimelineSvg(h.events());
    expect(svg).toMatch(/class="vip-segment none"[^>]*><rect[^>]*fill="url\(#hp-hatch\)"/);
    expect(svg).toMatch(/class="vip-segment split" data-holders="lb-1,lb-2"><rect[^>]*fill="#d62728"/);
    expect(svg).toContain(">lb-1 + lb-2</text>");
  });

  it("colours a one-sample overlap amid a handover apart from a split, and two such samples as a split", () => {
    const at = (holders: string[][]) => holders.reduce((h, v, i) => h.at(i * 500).sample("vip:db", v), new SyntheticHistory());
    const handover = renderTimelineSvg(at([["lb-2"], ["lb-1", "lb-2"], ["lb-1"]]).events());
    expect(handover).toMatch(/class="vip-segment handover" data-holders="lb-1,lb-2"><rect[^>]*fill="#f0b429"/);
    expect(handover).toContain("handover: one sample saw the old and the new holder");
    const split = renderTimelineSvg(at([["lb-2"], ["lb-1", "lb-2"], ["lb-1", "lb-2"], ["lb-1"]]).events());
    expect(split).toMatch(/class="vip-segment split"/);
    expect(split).not.toContain("vip-segment handover");
  });

  it("escapes names and renders an empty history without lanes", () => {
    const h = new SyntheticHistory().at(0).call("a<b>", "f", "ok").at(100).fault("x&y", "start", ['"t"']);
    const svg = renderTimelineSvg(h.events(), { title: "t <1>" });
    expect(svg).toContain('data-lane="a&lt;b&gt;"');
    expect(svg).toContain('data-fault="x&amp;y"');
    expect(svg).toContain("t &lt;1&gt;");
    expect(svg).not.toContain("a<b>");
    const empty = renderTimelineSvg([]);
    expect(count(empty, /data-lane="/g)).toBe(0);
    expect(empty).toContain("haproof timeline");
  });

  it("merges ops closer than a pixel into one rect per run", () => {
    const h = new SyntheticHistory();
    for (let t = 0; t < 60_000; t += 10) h.at(t).call("tcp", "connect", "ok", { latencyMs: 5 });
    const svg = renderTimelineSvg(h.events());
    expect(count(svg, /class="op ok"/g)).toBe(1);
    expect(svg).toContain("6000 ok ops");
  });

  it("labels the longest of overlapping outage windows and leaves the rest to tooltips", () => {
    const h = new SyntheticHistory();
    // Windows 50.0-50.2 s and 50.2-54.0 s: their label centres are about 33 px apart on a 60 s plot.
    h.at(0)
      .call("db", "q", "ok")
      .at(50_000)
      .call("db", "q", "ok")
      .at(50_100)
      .call("db", "q", "fail")
      .at(50_200)
      .call("db", "q", "ok")
      .at(50_300)
      .call("db", "q", "fail")
      .at(54_000)
      .call("db", "q", "ok")
      .at(60_000)
      .call("db", "q", "ok");
    const svg = renderTimelineSvg(h.events());
    expect(count(svg, /class="outage-window"/g)).toBe(2);
    expect(count(svg, /class="outage-label"/g)).toBe(1);
    expect(svg).toMatch(/class="outage-label"[^>]*>3\.8 s</);
  });
});
