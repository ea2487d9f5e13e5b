import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stageAcceptanceResults, type StagedResults } from "./allure-results.ts";

/** The allure-commandline package's bundled CLI (a shell script that needs `java` on PATH). */
export const ALLURE_BIN = path.join(import.meta.dirname, "..", "..", "node_modules", "allure-commandline", "dist", "bin", "allure");

/** Outcome of {@link generateAllure}: skipped when there are no results, else the CLI's exit code and output, and what was kept. */
export type AllureGenerateResult = { status: "skipped"; reason: string } | { status: "done"; code: number; output: string; index: string; staged: StagedResults };

/**
 * Generates `<root>/allure-report` (replacing the old one) from the acceptance results only: the results of
 * `<root>/allure-results` from scenarios, negative controls and chaos runs are staged in a temporary directory
 * (see ACCEPTANCE_TEST_FILE; unit-test results are left out), `allure generate` runs on it, and it is removed.
 * Skips (no process started) when allure-results or the CLI is absent; never throws for a failing CLI, it returns its code.
 */
export async function generateAllure(root: string, bin: string = ALLURE_BIN): Promise<AllureGenerateResult> {
  const results = path.join(root, "allure-results");
  const report = path.join(root, "allure-report");
  const index = path.join(report, "index.html");
  if (!existsSync(results)) return { status: "skipped", reason: `no ${results}` };
  if (!existsSync(bin)) return { status: "skipped", reason: `allure CLI not found at ${bin} (npm ci installs allure-commandline)` };
  const staging = mkdtempSync(path.join(tmpdir(), "haproof-allure-acceptance-"));
  try {
    const staged = stageAcceptanceResults(results, staging);
    const { code, output } = await run(bin, ["generate", staging, "-o", report, "--clean"]);
    return { status: "done", code, output, index, staged };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function run(bin: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e) => resolve({ code: 127, output: `${output}${e.message}` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
