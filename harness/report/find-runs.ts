import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { RunSummary } from "./summary.ts";
import { readSummary } from "./write-summary.ts";

/** The check an unreadable summary stands in with: unknown, with why the summary could not be read. */
export const SUMMARY_CHECK = "summary.json is readable";

/** One run found on disk: its directory, and its validated summary (or a stand-in, when `unreadable`). */
export interface ReportRun {
  dir: string;
  summary: RunSummary;
  /** Why summary.json could not be read; `summary` is then a stand-in whose verdict is unknown. */
  unreadable?: string;
}

/** What {@link findRuns} returns: runs, newest first, and the directories it had to skip, with why. */
export interface FoundRuns {
  runs: ReportRun[];
  skipped: { dir: string; reason: string }[];
}

/** Options for {@link findRuns}. */
export interface FindRunsOptions {
  /** Every run, instead of only the newest per scenario (and topology). Default false. */
  all?: boolean;
}

// ScenarioRun names its directory `<scenario>-YYYYMMDD-HHMMSS` (UTC).
const RUN_ID = /^(.+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/;
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

/**
 * The stand-in for a summary.json that cannot be read or validated: its scenario, topology, start and mutations
 * as far as the file or the directory name tell (`guessed` marks what neither tells), one unknown check naming
 * the reason, verdict unknown. Reads only.
 */
function unreadableRun(dir: string, reason: string): ReportRun & { guessed: { topology: boolean; mutations: boolean } } {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
  } catch {
    // not JSON at all: everything comes from the directory name
  }
  const name = path.basename(dir);
  const m = RUN_ID.exec(name);
  const fromName = m ? `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}.000Z` : undefined;
  const started = [str(raw.startedAt), fromName].find((s) => s !== undefined && !Number.isNaN(Date.parse(s)));
  const json = typeof raw.scenario === "string" || typeof raw.topology === "string";
  const mutations = Array.isArray(raw.mutations) && raw.mutations.every((x) => typeof x === "string") ? (raw.mutations as string[]) : undefined;
  const summary: RunSummary = {
    scenario: str(raw.scenario) ?? m?.[1] ?? name,
    topology: str(raw.topology) ?? "unknown",
    verdict: "unknown",
    startedAt: new Date(started ?? statSync(dir).mtime).toISOString(),
    durationMs: 0,
    checks: [{ name: SUMMARY_CHECK, valid: "unknown", details: { error: reason, file: path.join(dir, "summary.json") } }],
    metrics: {},
    runId: str(raw.runId) ?? name,
    ...(mutations?.length ? { mutations } : {}),
  };
  // A summary that parsed as an object says whether it was a negative control; one that did not leaves it open.
  return { dir, summary, unreadable: reason, guessed: { topology: str(raw.topology) === undefined, mutations: !json && mutations === undefined } };
}

type Found = ReportRun & { guessed?: { topology: boolean; mutations: boolean } };
const mutationKey = (r: Found) => (r.summary.mutations ?? []).join("+");

// `r` may belong to the series of the complete run `rep`: same scenario, and topology and mutation set equal or unknown.
function mayBelong(r: Found, rep: Found): boolean {
  return (
    r.summary.scenario === rep.summary.scenario &&
    (r.guessed?.topology === true || r.summary.topology === rep.summary.topology) &&
    (r.guessed?.mutations === true || mutationKey(r) === mutationKey(rep))
  );
}

/**
 * The newest run of each series (scenario, topology, mutation set), from runs sorted newest first. An unreadable
 * summary whose topology or mutations are unknown may belong to several series, and is the newest of each it is newer
 * than, so no older pass stands in for it; one that fits no series stands for its own.
 */
function newestPerSeries(found: readonly Found[]): Found[] {
  const reps = new Map<string, Found>();
  for (const r of found) if (!r.guessed?.topology && !r.guessed?.mutations) reps.set(`${r.summary.scenario}\u0000${r.summary.topology}\u0000${mutationKey(r)}`, r);
  const chosen = new Set<Found>();
  for (const rep of reps.values()) chosen.add(found.find((r) => mayBelong(r, rep))!);
  const orphans: Found[] = [];
  for (const r of found) {
    if (!r.guessed || [...reps.values()].some((rep) => mayBelong(r, rep))) continue;
    if (!orphans.some((o) => o.summary.scenario === r.summary.scenario)) orphans.push(r);
  }
  return found.filter((r) => chosen.has(r) || orphans.includes(r));
}

// The one topology the readable runs of `scenario` ran on, for an unreadable run to be judged against; else undefined.
function onlyTopology(found: readonly Found[], scenario: string): string | undefined {
  const seen = new Set(found.filter((r) => !r.guessed && r.summary.scenario === scenario).map((r) => r.summary.topology));
  return seen.size === 1 ? [...seen][0] : undefined;
}

/**
 * Reads every `<root>/<run>/summary.json` (skipping the `latest` link and directories without one), newest first;
 * unless `all`, keeps only the newest run per scenario, topology and mutation set. A summary that cannot be read or
 * validated is a run whose verdict is unknown (see `unreadable`), never skipped: an older pass never stands in for it.
 * Reads only.
 */
export function findRuns(root: string, opts: FindRunsOptions = {}): FoundRuns {
  const skipped: FoundRuns["skipped"] = [];
  const found: Found[] = [];
  const entries = existsSync(root) ? readdirSync(root) : [];
  for (const name of entries) {
    const dir = path.join(root, name);
    if (name === "latest" || !lstatSync(dir).isDirectory() || !existsSync(path.join(dir, "summary.json"))) continue;
    try {
      found.push({ dir, summary: readSummary(dir) });
    } catch (e) {
      found.push(unreadableRun(dir, e instanceof Error ? e.message.split("\n")[0]! : String(e)));
    }
  }
  found.sort((a, b) => b.summary.startedAt.localeCompare(a.summary.startedAt) || b.summary.runId.localeCompare(a.summary.runId));
  for (const r of found) if (r.guessed?.topology) r.summary.topology = onlyTopology(found, r.summary.scenario) ?? r.summary.topology;
  // A negative control (mutated topology) never stands in for the newest run of the real one: mutations are part of the series.
  const kept = opts.all ? found : newestPerSeries(found);
  return { runs: kept.map(({ guessed: _, ...r }) => r), skipped };
}
