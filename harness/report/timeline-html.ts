import { checkDigest } from "./check-digest.ts";
import { formatMetric } from "./format.ts";
import { esc } from "./svg.ts";
import type { RunSummary } from "./summary.ts";
import { COLORS } from "./timeline-style.ts";

const WORD: Record<string, string> = { true: "PASS", false: "FAIL", unknown: "UNKNOWN" };
const TONE: Record<string, string> = { PASS: COLORS.ok, FAIL: COLORS.fail, UNKNOWN: COLORS.info };

const HOW_TO_READ = `
<h2>How to read the timeline</h2>
<ul>
  <li>The x axis is time in seconds since the first recorded event of the run.</li>
  <li><b>Probe lanes</b> (one per client process): every operation is a thin bar from its invoke to its completion;
    <span class="sw" style="background:${COLORS.ok}"></span> ok, <span class="sw" style="background:${COLORS.fail}"></span> failed (did not happen),
    <span class="sw" style="background:${COLORS.info}"></span> indeterminate (may or may not have happened; a bar running to the end never completed).
    Operations closer together than one pixel are merged; hover a bar for its count and times.</li>
  <li><b>Outage windows</b> come from the <code>outage</code> check: the red bracket under a lane runs from the completion of the last ok
    operation before a failure to the completion of the first ok after it (an upper bound); its label is the length.</li>
  <li><b>Fault periods</b> are shaded across all lanes from the fault's start to its healed (or failed) event, named with their targets above
    the plot; dashed lines mark when the fault was proved effective and when healing began.</li>
  <li><b>VIP holder lanes</b> (one per <code>vip:&lt;name&gt;</code>) show which host answered for the VIP between samples, one colour per host;
    <span class="sw hatch"></span> no host held it, <span class="sw" style="background:${COLORS.split}"></span> two or more hosts held it at once (split brain),
    <span class="sw" style="background:${COLORS.handover}"></span> one sample saw both the old and the new holder amid a handover (reported, not failed).</li>
</ul>`;

/** A standalone HTML page embedding `svg`, with the run's checks and metrics when `summary` is given, a legend and how to read it. Pure. */
export function renderTimelineHtml(svg: string, title: string, summary?: RunSummary): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: ${COLORS.text}; margin: 24px; max-width: 1240px; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 22px 0 8px; }
  .meta { color: ${COLORS.muted}; margin-bottom: 16px; }
  .badge { display: inline-block; padding: 1px 10px; border-radius: 4px; color: #fff; font-weight: bold; font-size: 14px; vertical-align: 3px; }
  .timeline { overflow-x: auto; border: 1px solid #ddd; border-radius: 6px; }
  .timeline svg { display: block; }
  table { border-collapse: collapse; } td, th { padding: 3px 12px 3px 0; text-align: left; vertical-align: top; }
  th { color: ${COLORS.muted}; font-weight: 600; border-bottom: 1px solid #ddd; }
  .sw { display: inline-block; width: 14px; height: 10px; vertical-align: -1px; border-radius: 2px; }
  .hatch { background: repeating-linear-gradient(45deg, #f0f0f0 0 3px, ${COLORS.none} 3px 5px); }
  code { background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
</style>
</head>
<body>
<h1>${esc(title)}${summary ? ` <span class="badge" style="background:${TONE[summary.verdict.toUpperCase()]}">${summary.verdict.toUpperCase()}</span>` : ""}</h1>
${summary ? metaLine(summary) : ""}
<div class="timeline">
${svg}
</div>
${summary ? checksTable(summary) : ""}
${HOW_TO_READ}
</body>
</html>
`;
}

function metaLine(s: RunSummary): string {
  const stand = s.standIns?.length ? ` · stand-ins: ${esc(s.standIns.join(", "))}` : "";
  return `<div class="meta">topology <b>${esc(s.topology)}</b> · run <code>${esc(s.runId)}</code> · started ${esc(s.startedAt)} · ${esc(formatMetric("durationMs", s.durationMs))}${stand}</div>`;
}

function checksTable(s: RunSummary): string {
  const rows = s.checks.map((c) => {
    const w = WORD[String(c.valid)]!;
    return `<tr><td>${esc(c.name)}</td><td style="color:${TONE[w]};font-weight:bold">${w}</td><td>${esc(checkDigest(c, 200))}</td></tr>`;
  });
  const metrics = Object.entries(s.metrics).map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(formatMetric(k, v))}</td></tr>`);
  return [
    `<h2>Checks</h2>`,
    `<table><tr><th>check</th><th>verdict</th><th>detail</th></tr>${rows.join("") || "<tr><td colspan=3>no checks ran</td></tr>"}</table>`,
    metrics.length ? `<h2>Metrics</h2><table><tr><th>metric</th><th>value</th></tr>${metrics.join("")}</table>` : "",
  ].join("\n");
}
