import { Command, CommanderError } from "commander";
import path from "node:path";
import { RequirementsError } from "../requirements/index.ts";
import { REPORTS_DIR, acceptanceHeadline, buildReports, NoRunsError, serveReports } from "../report/index.ts";

// `npm run report`: judges the newest run per scenario against the requirements and writes acceptance.md,
// junit.xml and the Allure report. Exit 0 accepted, 1 anything failed or unknown, 2 bad usage.
const program = new Command("haproof report")
  .description("write reports/acceptance.md, reports/junit.xml and the Allure report from the runs' summary.json files")
  .option("--all", "judge every run, not only the newest per scenario")
  .option("--dir <path>", "reports directory", REPORTS_DIR)
  .option("--no-allure", "skip `allure generate`")
  .option("--open", "serve the reports directory on 127.0.0.1 and print the URL (Ctrl-C stops)")
  .option("--port <n>", "port for --open (0: any free port)", "0")
  .exitOverride();

async function main(): Promise<number> {
  program.parse(process.argv);
  const o = program.opts<{ all?: boolean; dir: string; allure: boolean; open?: boolean; port: string }>();
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CommanderError(2, "haproof.port", `--port expects 0..65535, got ${o.port}`);
  const root = path.resolve(o.dir);
  const built = await buildReports({ root, all: o.all, allure: o.allure });
  for (const s of built.skipped) console.error(`skipped ${s.dir}: ${s.reason}`);
  // An unreadable newest summary is judged unknown, never replaced by an older run: say which, and why.
  for (const r of built.runs.filter((x) => x.unreadable)) console.error(`unreadable ${r.dir}: ${r.unreadable} (judged unknown)`);
  if (built.allure?.status === "skipped") console.log(`allure: skipped (${built.allure.reason})`);
  else if (built.allure && built.allure.code !== 0) console.error(`allure generate failed (exit ${built.allure.code}):\n${built.allure.output.trim()}`);
  console.log(acceptanceHeadline(built.acceptance));
  for (const r of built.acceptance.rows.filter((x) => x.valid !== true)) {
    console.log(`  ${r.valid === false ? "FAIL" : "UNKNOWN"} ${r.id ?? "(no requirement)"} (${r.scenario}): ${r.text}${r.note ? ` — ${r.note}` : ""}`);
  }
  console.log(`acceptance: ${built.files.acceptance}\njunit:      ${built.files.junit}${built.files.allureIndex ? `\nallure:     ${built.files.allureIndex}` : ""}`);
  const code = built.acceptance.accepted ? 0 : 1;
  if (!o.open) return code;
  const server = await serveReports(root, port);
  console.log(`serving ${root} at ${server.url} (acceptance: ${server.url}acceptance.md${built.files.allureIndex ? `, allure: ${server.url}allure-report/` : ""}); Ctrl-C stops`);
  await new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
  await server.close();
  return code;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof CommanderError) {
    if (e.code !== "commander.helpDisplayed" && e.code !== "commander.version" && e.code.startsWith("haproof.")) console.error(`haproof report: ${e.message}`);
    process.exitCode = e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 2;
  } else if (e instanceof NoRunsError || e instanceof RequirementsError) {
    console.error(`haproof report: ${e.message}`);
    process.exitCode = 2;
  } else {
    console.error(`haproof report: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  }
}
