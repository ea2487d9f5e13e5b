import { el, esc } from "./svg.ts";
import type { FaultPeriod } from "./timeline-model.ts";
import type { TimeScale } from "./timeline-scale.ts";
import { COLORS, textWidth } from "./timeline-style.ts";

/** Label rows for fault periods, greedily so labels never overlap: each goes in the first row free at its start. Pure. */
export function placeFaultLabels(faults: FaultPeriod[], sc: TimeScale): number[] {
  const rowEnds: number[] = [];
  return faults.map((f) => {
    const x = sc.x(f.startMs);
    const end = Math.max(sc.x(f.endMs), x + textWidth(faultText(f), 10.5) + 8);
    let row = rowEnds.findIndex((e) => e < x);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = end;
    return row;
  });
}

/** A fault period's label: name, targets and how it ended when not healed. */
export const faultText = (f: FaultPeriod) => `${f.name}${f.targets.length ? ` → ${f.targets.join(", ")}` : ""}${f.end === "failed" ? " (failed)" : f.end === "open" ? " (not healed)" : ""}`;

/** The shading of a fault period across the plot (`data-fault` rect from start to end) with effective/heal marks. */
export function faultShadeSvg(f: FaultPeriod, top: number, bottom: number, sc: TimeScale): string {
  const x = sc.x(f.startMs);
  const width = Math.max(1.5, sc.x(f.endMs) - x);
  const title =
    `${faultText(f)}: start ${(f.startMs / 1000).toFixed(2)} s` +
    (f.effectiveMs !== undefined ? `, effective ${(f.effectiveMs / 1000).toFixed(2)} s` : ", never proved effective") +
    `, ${f.end} ${(f.endMs / 1000).toFixed(2)} s`;
  const marks = [f.effectiveMs, f.healMs]
    .filter((t): t is number => t !== undefined)
    .map((t) => el("line", { x1: sc.x(t), x2: sc.x(t), y1: top, y2: bottom, stroke: COLORS.fault, "stroke-dasharray": "3,3", "stroke-width": 1 }));
  return el(
    "g",
    { class: "fault", "data-fault-period": f.name },
    [
      el("rect", { "data-fault": f.name, x, y: top, width, height: bottom - top, fill: COLORS.fault, "fill-opacity": 0.09, stroke: COLORS.fault, "stroke-opacity": 0.5, "stroke-width": 0.8 }),
      ...marks,
      `<title>${esc(title)}</title>`,
    ].join(""),
  );
}

/** A fault period's label above the plot at row top `y`: a bar over its span and its text. */
export function faultLabelSvg(f: FaultPeriod, y: number, sc: TimeScale): string {
  const x = sc.x(f.startMs);
  const width = Math.max(1.5, sc.x(f.endMs) - x);
  return el(
    "g",
    { class: "fault-label" },
    [
      el("rect", { x, y: y + 9, width, height: 3, fill: COLORS.fault }),
      // Keep a label that starts near the right edge inside the plot.
      el("text", { x: Math.max(sc.x0, Math.min(x + 2, sc.x1 - textWidth(faultText(f), 10.5))), y: y + 6, "font-size": 10.5, fill: COLORS.fault, "font-weight": "bold" }, esc(faultText(f))),
    ].join(""),
  );
}
