import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Links to each run's test in a generated Allure 2 report, by run id (the `runId` parameter reportToAllure adds):
 * `index.html#testresult/<uid>`, relative to the report directory. Allure draws a new uid on every generation, so
 * read this right after generating. Empty when the report or its data is missing. Reads only.
 */
export function allureTestLinks(reportDir: string): Record<string, string> {
  const dir = path.join(reportDir, "data", "test-cases");
  if (!existsSync(dir)) return {};
  const links: Record<string, string> = {};
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    let tc: { uid?: unknown; parameters?: { name?: unknown; value?: unknown }[] };
    try {
      tc = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
    } catch {
      continue;
    }
    if (typeof tc.uid !== "string") continue;
    // One test may report several runs (a control set): each runId parameter links to it.
    for (const p of tc.parameters ?? []) {
      if (p.name === "runId" && typeof p.value === "string" && !(p.value in links)) links[p.value] = `index.html#testresult/${tc.uid}`;
    }
  }
  return links;
}
