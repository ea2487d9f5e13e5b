import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../validation/usage-error.ts";

/** Folder of scenario specs. */
export const SCENARIO_DIR = join(import.meta.dirname, "..", "..", "scenarios");

/** Names of the scenarios available (scenarios/<name>.scenario.ts), sorted. */
export function listScenarios(dir = SCENARIO_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".scenario.ts"))
    .map((f) => f.replace(/\.scenario\.ts$/, ""))
    .sort();
}

/** The spec file for scenario `name`; throws UsageError naming the known scenarios when there is none. */
export function scenarioFile(name: string, dir = SCENARIO_DIR): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !listScenarios(dir).includes(name)) {
    const known = listScenarios(dir);
    throw new UsageError(`unknown scenario "${name}"; known: ${known.length ? known.join(", ") : "(none yet)"}`);
  }
  return join(dir, `${name}.scenario.ts`);
}

/** The topology a scenario runs on when none is given: clusterware for the specs that use sharedClusterware, else prisma. */
export function defaultTopologyOf(file: string): string {
  return readFileSync(file, "utf8").includes("sharedClusterware(") ? "clusterware" : "prisma";
}
