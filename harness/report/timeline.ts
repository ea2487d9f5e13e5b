import type { OutageOptions } from "../checks/outage.ts";
import type { HistoryEvent } from "../history/event.ts";
import { el, esc } from "./svg.ts";
import type { RunSummary } from "./summary.ts";
import { probeLaneSvg, vipLaneSvg } from "./timeline-lanes.ts";
import { faultLabelSvg, faultShadeSvg, placeFaultLabels } from "./timeline-faults.ts";
import { timelineModel } from "./timeline-model.ts";
import { tickLabel, timeScale, type TimeScale } from "./timeline-scale.ts";
import { COLORS, DEFS, textWidth } from "./timeline-style.ts";

/** Options for {@link renderTimelineSvg}. */
export interface TimelineOptions {
  /** Total width in px; default 1200. */
  width?: number;
  /** Lane height in px; default 28. */
  laneHeight?: number;
  /** Left gutter holding lane names, in px; default 180. */
  gutter?: number;
  /** Heading; default the summary's scenario, else "haproof timeline". */
  title?: string;
  /** Run facts for the heading (verdict badge, topology, run id). */
  summary?: Pick<RunSummary, "scenario" | "topology" | "verdict" | "runId" | "startedAt">;
  /** Passed to the outage check that supplies the outage windows. */
  outage?: OutageOptions;
}

/** Layout facts of a rendered timeline, for tests and for callers placing overlays. */
export interface TimelineLayout {
  scale: TimeScale;
  plotTop: number;
  plotBottom: number;
  height: number;
}

const FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\"";
const VERDICT_COLOR = { pass: COLORS.ok, fail: COLORS.fail, unknown: COLORS.info } as const;

/** Renders a history as a standalone SVG timeline (probe lanes, fault shading, outage brackets, VIP holder lanes). Pure. */
export function renderTimelineSvg(events: readonly HistoryEvent[], opts: TimelineOptions = {}): string {
  return timelineSvgWithLayout(events, opts).svg;
}

/** Same as {@link renderTimelineSvg}, also returning the layout (scale and plot bounds). Pure. */
export function timelineSvgWithLayout(events: readonly HistoryEvent[], opts: TimelineOptions = {}): { svg: string; layout: TimelineLayout } {
  const W = opts.width ?? 1200;
  const H = opts.laneHeight ?? 28;
  const G = opts.gutter ?? 180;
  const m = timelineModel(events, opts.outage);
  const sc = timeScale(m.endMs, G, W - 24);
  const faultRows = placeFaultLabels(m.faults, sc);
  const rowCount = Math.max(0, ...faultRows.map((r) => r + 1));
  const plotTop = 64 + rowCount * 16 + 4;
  const body: string[] = [];
  const backgrounds: string[] = [];
  let y = plotTop;
  const section = (name: string) => {
    body.push(el("text", { x: 10, y: y + 13, "font-size": 10, "font-weight": "bold", fill: COLORS.muted, "letter-spacing": 0.8 }, name));
    y += 18;
  };
  const laneFrame = (name: string, i: number) => {
    if (i % 2 === 1) backgrounds.push(el("rect", { x: G, y, width: W - 24 - G, height: H, fill: COLORS.laneOdd }));
    body.push(el("text", { x: G - 8, y: y + H / 2 + 4, "text-anchor": "end", "font-size": 11.5, fill: COLORS.text }, esc(name)));
  };
  if (m.probes.length) section("PROBES");
  m.probes.forEach((p, i) => {
    laneFrame(p.process, i);
    body.push(probeLaneSvg(p, y, H, sc));
    y += H;
  });
  if (m.vips.length) section("VIP HOLDERS");
  m.vips.forEach((v, i) => {
    laneFrame(v.subject, i);
    body.push(vipLaneSvg(v, y, H, sc, m.vipHosts));
    y += H;
  });
  const plotBottom = Math.max(y, plotTop + H) + 4;
  const height = plotBottom + 66;

  const grid = sc.ticks.map((t) => el("line", { x1: sc.x(t), x2: sc.x(t), y1: plotTop, y2: plotBottom, stroke: COLORS.grid })).join("");
  const axis = [
    el("line", { x1: sc.x0, x2: sc.x1, y1: plotBottom, y2: plotBottom, stroke: "#999" }),
    ...sc.ticks.map((t) => el("text", { x: sc.x(t), y: plotBottom + 14, "text-anchor": "middle", "font-size": 10, fill: COLORS.muted }, tickLabel(t, sc.stepMs))),
    el("text", { x: (sc.x0 + sc.x1) / 2, y: plotBottom + 30, "text-anchor": "middle", "font-size": 10.5, fill: COLORS.muted }, "time since the first event"),
  ].join("");
  const faults = m.faults.map((f) => faultShadeSvg(f, plotTop, plotBottom, sc)).join("");
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" ${FONT} class="haproof-timeline">`,
    DEFS,
    el("rect", { width: W, height, fill: "#fff" }),
    heading(opts, W),
    backgrounds.join(""),
    grid,
    faults,
    body.join(""),
    ...m.faults.map((f, i) => faultLabelSvg(f, 64 + faultRows[i]! * 16, sc)),
    axis,
    legend(plotBottom + 48, G),
    "</svg>",
  ].join("\n");
  return { svg, layout: { scale: sc, plotTop, plotBottom, height } };
}

function heading(opts: TimelineOptions, W: number): string {
  const s = opts.summary;
  const title = opts.title ?? s?.scenario ?? "haproof timeline";
  const parts = [el("text", { x: 12, y: 26, "font-size": 17, "font-weight": "bold", fill: COLORS.text }, esc(title))];
  if (s) {
    const bx = 12 + textWidth(title, 17) * 1.05 + 14;
    const bw = s.verdict.length * 9 + 18; // bold capitals run wider than textWidth assumes
    parts.push(el("rect", { x: bx, y: 11, width: bw, height: 20, rx: 4, fill: VERDICT_COLOR[s.verdict] }));
    parts.push(el("text", { x: bx + bw / 2, y: 25.5, "text-anchor": "middle", "font-size": 12, "font-weight": "bold", fill: "#fff", class: "verdict" }, s.verdict.toUpperCase()));
    parts.push(el("text", { x: 12, y: 46, "font-size": 11, fill: COLORS.muted }, esc(`topology ${s.topology} · run ${s.runId} · started ${s.startedAt}`)));
  }
  parts.push(el("line", { x1: 0, x2: W, y1: 56, y2: 56, stroke: "#ddd" }));
  return parts.join("");
}

function legend(y: number, x0: number): string {
  const items: [string, string][] = [
    ["ok op", COLORS.ok],
    ["failed op", COLORS.fail],
    ["indeterminate op", COLORS.info],
    ["fault period", COLORS.fault],
    ["no VIP holder", "url(#hp-hatch)"],
    ["two VIP holders", COLORS.split],
  ];
  let x = x0;
  const out: string[] = [];
  for (const [label, fill] of items) {
    out.push(el("rect", { x, y: y - 9, width: 14, height: 10, fill, "fill-opacity": label === "fault period" ? 0.35 : 1 }));
    out.push(el("text", { x: x + 19, y, "font-size": 10.5, fill: COLORS.muted }, label));
    x += 19 + textWidth(label, 10.5) + 22;
  }
  out.push(el("path", { d: `M${x},${y - 9}V${y - 5}H${x + 24}V${y - 9}`, fill: "none", stroke: COLORS.outage, "stroke-width": 1.2 }));
  out.push(el("text", { x: x + 30, y, "font-size": 10.5, fill: COLORS.muted }, "outage window (length)"));
  return el("g", { class: "legend" }, out.join(""));
}
