import { formatSeconds } from "./format.ts";
import { el, esc } from "./svg.ts";
import type { OpMark, ProbeLane, VipLane } from "./timeline-model.ts";
import type { TimeScale } from "./timeline-scale.ts";
import { COLORS, hostColor, textWidth } from "./timeline-style.ts";

const s1 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** SVG of one probe lane at y: merged op runs (ok, then info, then fail on top), outage shading and brackets with length labels. */
export function probeLaneSvg(lane: ProbeLane, y: number, h: number, sc: TimeScale): string {
  const parts: string[] = [];
  for (const w of lane.outages) {
    parts.push(el("rect", { class: "outage", x: sc.x(w.startMs), y: y + 1, width: Math.max(1, sc.x(w.endMs) - sc.x(w.startMs)), height: h - 2, fill: COLORS.outage, "fill-opacity": 0.08 }));
  }
  const opY = y + 3;
  const opH = Math.round(h * 0.34);
  for (const type of ["ok", "info", "fail"] as const) {
    for (const run of mergeRuns(
      lane.ops.filter((o) => o.type === type),
      sc.msPerPx,
    )) {
      const x = sc.x(run.startMs);
      const width = Math.max(1.5, sc.x(run.endMs) - x);
      const title = `${lane.process}: ${run.count} ${type} op${run.count === 1 ? "" : "s"}, ${s1(run.startMs)}–${s1(run.endMs)}`;
      parts.push(el("rect", { class: `op ${type}`, x, y: opY, width, height: opH, fill: COLORS[type], "fill-opacity": run.open ? 0.45 : 0.9 }, `<title>${esc(title)}</title>`));
    }
  }
  // Longest windows get their labels first; a label that would overlap one already placed is left to the tooltip.
  const placed: [number, number][] = [];
  for (const w of [...lane.outages].sort((a, b) => b.lengthMs - a.lengthMs)) {
    parts.push(outageBracket(lane.process, w, opY + opH + 2, y + h - 2, sc, placed));
  }
  return el("g", { class: "lane probe", "data-lane": lane.process }, parts.join(""));
}

function outageBracket(process: string, w: ProbeLane["outages"][number], top: number, baseline: number, sc: TimeScale, placed: [number, number][]): string {
  const x1 = sc.x(w.startMs);
  const x2 = Math.max(sc.x(w.endMs), x1 + 2);
  const mid = top + 3;
  const d = `M${x1.toFixed(1)},${top}V${mid}H${x2.toFixed(1)}V${top}`;
  const label = `${formatSeconds(w.lengthMs)}${w.recovered ? "" : " (no recovery)"}`;
  const half = textWidth(label, 10) / 2 + 2;
  const cx = Math.min(Math.max((x1 + x2) / 2, sc.x0 + half), sc.x1 - half);
  const free = placed.every(([a, b]) => cx + half < a || cx - half > b);
  if (free) placed.push([cx - half, cx + half]);
  const title = `${process} outage ${formatSeconds(w.lengthMs)}: ${s1(w.startMs)}–${s1(w.endMs)}, ${w.failedOps} failed/indeterminate ops; first failure to first ok ${formatSeconds(w.narrowMs)}`;
  return el(
    "g",
    { class: "outage-window", "data-outage-ms": Math.round(w.lengthMs) },
    [
      el("path", { d, fill: "none", stroke: COLORS.outage, "stroke-width": 1.2 }),
      free
        ? el(
            "text",
            {
              class: "outage-label",
              x: cx,
              y: baseline,
              "text-anchor": "middle",
              "font-size": 10,
              "font-weight": "bold",
              fill: COLORS.outage,
              stroke: "#fff",
              "stroke-width": 3,
              "paint-order": "stroke",
            },
            label,
          )
        : "",
      `<title>${esc(title)}</title>`,
    ].join(""),
  );
}

/** SVG of one VIP lane at y: a segment per holder span, coloured per host and labelled; none = grey hatch, several = red. */
export function vipLaneSvg(lane: VipLane, y: number, h: number, sc: TimeScale, hosts: readonly string[]): string {
  const parts = lane.segments.map((s) => {
    const x = sc.x(s.startMs);
    const width = Math.max(1, sc.x(s.endMs) - x);
    const holders = s.holders;
    const kind = holders === undefined ? "malformed" : holders.length === 0 ? "none" : holders.length > 1 ? (s.handover ? "handover" : "split") : "held";
    const fills: Record<string, string> = { none: "url(#hp-hatch)", split: COLORS.split, handover: COLORS.handover, malformed: "#d0d0d0" };
    const fill = fills[kind] ?? hostColor(holders![0]!, hosts);
    const label = kind === "none" ? "no holder" : kind === "malformed" ? "?" : holders!.join(" + ");
    const note = kind === "handover" ? " (handover: one sample saw the old and the new holder; reported, not failed)" : "";
    const title = `${lane.subject}: ${label}, ${s1(s.startMs)}–${s1(s.endMs)}${note}`;
    // Narrow split-brain spans still say how many hosts held the VIP; other labels are dropped when they do not fit.
    const shown = [label, kind === "split" ? `${holders!.length}×` : ""].find((t) => t !== "" && textWidth(t, 10.5) + 6 <= width);
    const text =
      shown !== undefined && kind !== "none"
        ? el(
            "text",
            { x: x + width / 2, y: y + h / 2 + 4, "text-anchor": "middle", "font-size": 10.5, fill: kind === "split" ? "#fff" : COLORS.text, "font-weight": kind === "split" ? "bold" : undefined },
            esc(shown),
          )
        : "";
    return el(
      "g",
      { class: `vip-segment ${kind}`, "data-holders": holders?.join(",") },
      [el("rect", { x, y: y + 4, width, height: h - 8, fill, stroke: "#fff", "stroke-width": 0.5 }), text, `<title>${esc(title)}</title>`].join(""),
    );
  });
  return el("g", { class: "lane vip", "data-lane": lane.subject }, parts.join(""));
}

interface Run {
  startMs: number;
  endMs: number;
  count: number;
  open: boolean;
}

// Thousands of ops would make thousands of rects; ops closer than a pixel look the same anyway.
function mergeRuns(ops: OpMark[], msPerPx: number): Run[] {
  const sorted = [...ops].sort((a, b) => a.startMs - b.startMs);
  const runs: Run[] = [];
  for (const o of sorted) {
    const last = runs.at(-1);
    if (last && o.open === last.open && o.startMs <= last.endMs + msPerPx) {
      last.endMs = Math.max(last.endMs, o.endMs);
      last.count++;
    } else {
      runs.push({ startMs: o.startMs, endMs: o.endMs, count: 1, open: o.open });
    }
  }
  return runs;
}
