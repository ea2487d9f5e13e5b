import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { linkLatest } from "./reports-dir.ts";
import { summaryMarkdown } from "./summary-markdown.ts";
import type { RunSummary } from "./summary.ts";

/** Paths written by {@link writeSummary}. */
export interface SummaryFiles {
  json: string;
  markdown: string;
  latest?: string;
}

/** Options for {@link writeSummary}. */
export interface WriteSummaryOptions {
  /** Update `<parent>/latest` to point at `dir`; default true. */
  latest?: boolean;
}

/** Validates a summary.json read back from disk (extra fields kept). */
export const RunSummarySchema = z.looseObject({
  scenario: z.string(),
  topology: z.string(),
  verdict: z.enum(["pass", "fail", "unknown"]),
  startedAt: z.string(),
  durationMs: z.number(),
  checks: z.array(z.looseObject({ name: z.string(), valid: z.union([z.boolean(), z.literal("unknown")]), details: z.record(z.string(), z.unknown()) })),
  // A metric that could not be measured (NaN, e.g. no VIP move after a crash) is written as null.
  metrics: z.record(
    z.string(),
    z
      .number()
      .nullable()
      .transform((v) => v ?? Number.NaN),
  ),
  runId: z.string(),
  standIns: z.array(z.string()).optional(),
  mutations: z.array(z.string()).optional(),
  tunables: z.record(z.string(), z.number()).optional(),
});

// Details come from checks and may carry bigints (ns clocks) or errors; JSON must not throw on them.
const replacer = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Error ? `${v.name}: ${v.message}` : v);

/** The summary as pretty JSON text (bigints as strings). Pure. */
export function summaryJson(summary: RunSummary): string {
  return JSON.stringify(summary, replacer, 2) + "\n";
}

/** Writes `<dir>/summary.json` and `<dir>/summary.md` (creating dir), then points `latest` at dir; returns the paths. Overwrites. */
export function writeSummary(dir: string, summary: RunSummary, opts: WriteSummaryOptions = {}): SummaryFiles {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, "summary.json");
  const markdown = path.join(dir, "summary.md");
  writeFileSync(json, summaryJson(summary));
  writeFileSync(markdown, summaryMarkdown(summary));
  return { json, markdown, ...(opts.latest === false ? {} : { latest: linkLatest(dir) }) };
}

/** Reads and validates `<dir>/summary.json`; throws on a missing file or a malformed summary. */
export function readSummary(dir: string): RunSummary {
  return RunSummarySchema.parse(JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8"))) as RunSummary;
}
