import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { HistoryEvent } from "../history/event.ts";
import type { RunSummary } from "./summary.ts";
import { renderTimelineHtml } from "./timeline-html.ts";
import { renderTimelineSvg, type TimelineOptions } from "./timeline.ts";
import { writeSummary } from "./write-summary.ts";

/** Input of {@link writeRunReport}. */
export interface RunReportInput {
  /** The run directory, normally `runDir(summary.runId)`; created when missing. */
  dir: string;
  summary: RunSummary;
  events: readonly HistoryEvent[];
  /** Extra timeline options (the summary is passed for the heading). */
  timeline?: Omit<TimelineOptions, "summary">;
  /** Update `<parent>/latest`; default true. */
  latest?: boolean;
}

/** Paths of a written run report. */
export interface RunReportFiles {
  summaryJson: string;
  summaryMd: string;
  history: string;
  timelineSvg: string;
  timelineHtml: string;
  latest?: string;
}

/**
 * Writes summary.json/.md, history.jsonl (only when absent: a live History sink already wrote it),
 * timeline.svg and timeline.html into `dir`, points `latest` at it, and returns the paths. Overwrites the rest.
 */
export function writeRunReport(input: RunReportInput): RunReportFiles {
  const { dir, summary, events } = input;
  mkdirSync(dir, { recursive: true });
  const history = path.join(dir, "history.jsonl");
  if (!existsSync(history)) writeFileSync(history, events.map((e) => JSON.stringify(e) + "\n").join(""));
  const svg = renderTimelineSvg(events, { ...input.timeline, summary });
  const timelineSvg = path.join(dir, "timeline.svg");
  const timelineHtml = path.join(dir, "timeline.html");
  writeFileSync(timelineSvg, svg);
  writeFileSync(timelineHtml, renderTimelineHtml(svg, `${summary.scenario} on ${summary.topology}`, summary));
  // The summary goes last so `latest` only moves once the whole report is on disk.
  const s = writeSummary(dir, summary, { latest: input.latest });
  return { summaryJson: s.json, summaryMd: s.markdown, history, timelineSvg, timelineHtml, ...(s.latest ? { latest: s.latest } : {}) };
}
