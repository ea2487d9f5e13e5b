import { Command } from "commander";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { History } from "../history/index.ts";
import { findRuns, REPORTS_DIR, type ReportRun, type RunSummary } from "../report/index.ts";
import { loadTopology, MUTATIONS } from "../../topologies/index.ts";
import { claimOwnership } from "../engine/index.ts";
import { engineAndImages } from "./engine-step.ts";
import { CONTROLS, type Control } from "../run/controls.ts";
import { judgeControl, planControls, provedFaults, type ControlEvidence, type ControlResult } from "../run/control-plan.ts";
import { scenarioFile } from "../run/scenario-files.ts";
import { runVitest } from "./run-vitest.ts";
import { runOptionsEnv } from "../run/run-options.ts";
import { exitCodeFor, UsageError } from "../validation/usage-error.ts";

const collect = (v: string, acc: string[]) => [...acc, v];

/** Runs written under REPORTS_DIR since `sinceIso` for `scenario`, newest first. */
function runsSince(scenario: string, sinceIso: string): ReportRun[] {
  return findRuns(REPORTS_DIR, { all: true }).runs.filter((r) => r.summary.scenario === scenario && r.summary.startedAt >= sinceIso);
}

/** Runs' summaries since `sinceIso` for `scenario`, newest first. */
function summariesSince(scenario: string, sinceIso: string): RunSummary[] {
  return runsSince(scenario, sinceIso).map((r) => r.summary);
}

/** A control run's evidence: its summary and the faults its history.jsonl (beside summary.json) proved effective. */
function evidenceOf(run: ReportRun | undefined): ControlEvidence | undefined {
  if (!run) return undefined;
  try {
    return { summary: run.summary, proved: provedFaults(History.load(join(run.dir, "history.jsonl")).events()) };
  } catch (e) {
    return { summary: run.summary, proved: undefined, historyError: e instanceof Error ? e.message : String(e) };
  }
}

const unmutated = (s: RunSummary) => !s.mutations?.length;
const sameMutations = (s: RunSummary, m: readonly string[]) => [...(s.mutations ?? [])].sort().join("+") === [...m].sort().join("+");

/** Runs one group of controls (one topology build) and judges each of its controls. */
async function runGroup(g: ReturnType<typeof planControls>[number], i: number): Promise<ControlResult[]> {
  const since = new Date().toISOString();
  console.log(`\n── control build ${i + 1}: ${g.topology} with ${g.mutations.join(", ")}: ${g.scenarios.join(", ")}`);
  const code = await runVitest(
    g.scenarios.map((s) => scenarioFile(s)),
    {
      ...runOptionsEnv({ topology: g.topology, mutations: [...g.mutations], oneScenario: true }),
    },
    join(REPORTS_DIR, "controls", `build-${i + 1}.vitest.json`),
  );
  if (code === 130) throw Object.assign(new Error("interrupted"), { exitCode: 130 });
  return g.controls.map((c) => judgeControl(c, evidenceOf(runsSince(c.scenario, since).find((r) => sameMutations(r.summary, g.mutations)))));
}

/** Verdicts of each scenario unmutated: run now on one topology per topology name, or reused from runs since `reuseSince`. */
async function baseline(controls: readonly Control[], reuseSince?: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const byTopology = new Map<string, string[]>();
  for (const c of controls) byTopology.set(c.topology, [...new Set([...(byTopology.get(c.topology) ?? []), c.scenario])]);
  for (const [topology, scenarios] of byTopology) {
    const since = reuseSince ?? new Date().toISOString();
    if (!reuseSince) {
      console.log(`\n── baseline: ${scenarios.join(", ")} on ${topology} as documented`);
      await runVitest(
        scenarios.map((s) => scenarioFile(s)),
        runOptionsEnv({ topology, oneScenario: true }),
        join(REPORTS_DIR, "controls", `baseline-${topology}.vitest.json`),
      );
    }
    for (const s of scenarios) out[s] = summariesSince(s, since).find(unmutated)?.verdict ?? "missing";
  }
  return out;
}

function printTable(results: ControlResult[], base: Record<string, string>): void {
  const asDocumented = (r: ControlResult) => (r.valid === true ? "yes" : r.valid === false ? "NO" : "UNKNOWN");
  const rows = results.map((r) => [
    r.mutation,
    r.scenario,
    r.expected,
    r.actual,
    asDocumented(r),
    r.valid === true ? r.figures.join("; ") || "-" : `${r.reason}; failed: ${r.figures.join("; ") || r.failedChecks.join("; ") || "-"}`,
  ]);
  const head = ["MUTATION", "SCENARIO", "EXPECTED", "ACTUAL", "AS DOCUMENTED", "WHY / ITS CHECKS THAT FAILED (FIGURES)"];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log(`\n${head.map((h, i) => (i < head.length - 1 ? h.padEnd(w[i]!) : h)).join("  ")}`);
  for (const r of rows) console.log(r.map((c, i) => (i < r.length - 1 ? c.padEnd(w[i]!) : c)).join("  "));
  console.log(
    `\nunmutated: ${Object.entries(base)
      .map(([s, v]) => `${s} ${v}`)
      .join(", ")}`,
  );
}

const program = new Command("controls")
  .description("negative controls: every scenario must fail on the misconfiguration it exists to catch, and pass without it")
  .option("--only <mutation>", "run only this control's mutation (repeatable)", collect, [])
  .option("--combined", "one topology build per topology carrying all its controls' mutations (faster; what CI runs)")
  .option("--reuse-baseline <iso>", "take the unmutated verdicts from runs written since this time instead of running them again")
  .exitOverride()
  .action(async (o: { only: string[]; combined?: boolean; reuseBaseline?: string }) => {
    const unknown = o.only.filter((m) => !(m in MUTATIONS));
    if (unknown.length) throw new UsageError(`unknown mutation ${unknown.join(", ")}; known: ${Object.keys(MUTATIONS).join(", ")}`);
    const controls = CONTROLS.filter((c) => !o.only.length || o.only.includes(c.mutation));
    if (!controls.length) throw new UsageError(`no control for ${o.only.join(", ")} (controls: ${CONTROLS.map((c) => c.mutation).join(", ")})`);
    if (o.reuseBaseline && Number.isNaN(Date.parse(o.reuseBaseline))) throw new UsageError(`--reuse-baseline expects an ISO time, got "${o.reuseBaseline}"`);
    claimOwnership();
    await engineAndImages([...new Set(controls.map((c) => c.topology))].map((t) => loadTopology(t)));
    mkdirSync(join(REPORTS_DIR, "controls"), { recursive: true });
    const base = await baseline(controls, o.reuseBaseline && new Date(o.reuseBaseline).toISOString());
    const results: ControlResult[] = [];
    for (const [i, g] of planControls(controls, !!o.combined).entries()) results.push(...(await runGroup(g, i)));
    printTable(results, base);
    // Only a control that ran to the end with its faults proved counts; unknown is never a pass.
    const ok = results.every((r) => r.valid === true) && Object.values(base).every((v) => v === "pass");
    writeFileSync(join(REPORTS_DIR, "controls", "controls.json"), `${JSON.stringify({ ok, combined: !!o.combined, baseline: base, results }, null, 2)}\n`);
    const unproved = results.filter((r) => r.valid === "unknown").length;
    console.log(
      ok
        ? "\ncontrols: every control failed as documented after its faults took effect, and every scenario passed unmutated"
        : `\ncontrols: NOT as documented (see the table)${unproved ? `; ${unproved} control(s) unknown: the runbook did not run to the end, or a fault was not proved` : ""}`,
    );
    process.exitCode = ok ? 0 : 1;
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const err = e as { code?: string; exitCode?: number; message?: string };
  if (err.code?.startsWith("commander.")) process.exitCode = err.code === "commander.helpDisplayed" ? 0 : 2;
  else if (err.exitCode === 130) process.exitCode = 130;
  else {
    console.error(`controls: ${err.message ?? e}`);
    process.exitCode = exitCodeFor(e);
  }
}
