import { existsSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import type { RunSummary } from "./summary.ts";
import { readSummary } from "./write-summary.ts";

/** One run found on disk: its directory, and its validated summary. */
export interface ReportRun {
  dir: string;
  summary: RunSummary;
}

/** What {@link findRuns} returns: usable runs, newest first, and the directories it had to skip, with why. */
export interface FoundRuns {
  runs: ReportRun[];
  skipped: { dir: string; reason: string }[];
}

/** Options for {@link findRuns}. */
export interface FindRunsOptions {
  /** Every run, instead of only the newest per scenario (and topology). Default false. */
  all?: boolean;
}

/**
 * Reads every `<root>/<run>/summary.json` (skipping the `latest` link and directories without one), newest first;
 * unless `all`, keeps only the newest run per scenario, topology and mutation set. A malformed summary is skipped, with its reason. Reads only.
 */
export function findRuns(root: string, opts: FindRunsOptions = {}): FoundRuns {
  const skipped: FoundRuns["skipped"] = [];
  const runs: ReportRun[] = [];
  const entries = existsSync(root) ? readdirSync(root) : [];
  for (const name of entries) {
    const dir = path.join(root, name);
    if (name === "latest" || !lstatSync(dir).isDirectory() || !existsSync(path.join(dir, "summary.json"))) continue;
    try {
      runs.push({ dir, summary: readSummary(dir) });
    } catch (e) {
      skipped.push({ dir, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) });
    }
  }
  runs.sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt) || b.summary.runId.localeCompare(a.summary.runId));
  if (opts.all) return { runs, skipped };
  const seen = new Set<string>();
  const newest = runs.filter((r) => {
    // A negative control (mutated topology) never stands in for the newest run of the real one.
    const key = `${r.summary.scenario}\u0000${r.summary.topology}\u0000${(r.summary.mutations ?? []).join("+")}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { runs: newest, skipped };
}
