import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** The allure-commandline package's bundled CLI (a shell script that needs `java` on PATH). */
export const ALLURE_BIN = path.join(import.meta.dirname, "..", "..", "node_modules", "allure-commandline", "dist", "bin", "allure");

/** Outcome of {@link generateAllure}: skipped when there are no results, else the CLI's exit code and output. */
export type AllureGenerateResult =
  | { status: "skipped"; reason: string }
  | { status: "done"; code: number; output: string; index: string };

/**
 * Runs `allure generate <root>/allure-results -o <root>/allure-report --clean`; replaces the old report.
 * Skips (no process started) when allure-results is absent; never throws for a failing CLI, it returns its code.
 */
export function generateAllure(root: string, bin: string = ALLURE_BIN): Promise<AllureGenerateResult> {
  const results = path.join(root, "allure-results");
  const report = path.join(root, "allure-report");
  if (!existsSync(results)) return Promise.resolve({ status: "skipped", reason: `no ${results}` });
  if (!existsSync(bin)) return Promise.resolve({ status: "skipped", reason: `allure CLI not found at ${bin} (npm ci installs allure-commandline)` });
  return new Promise((resolve) => {
    const child = spawn(bin, ["generate", results, "-o", report, "--clean"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e) => resolve({ status: "done", code: 127, output: `${output}${e.message}`, index: path.join(report, "index.html") }));
    child.on("close", (code) => resolve({ status: "done", code: code ?? 1, output, index: path.join(report, "index.html") }));
  });
}
