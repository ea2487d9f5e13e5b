import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

// The real config, as `npm run lint` reads it, applied to small trees that mirror the repo layout.
const config = createRequire(import.meta.url)("../../.dependency-cruiser.cjs") as IConfiguration;
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const CLEAN = "obeys-all";

/** The names of the rules a cruise of one fixture tree breaks, each once, sorted. */
async function violatedRules(fixture: string): Promise<string[]> {
  const baseDir = `${fixtures}${fixture}`;
  // The tsconfig is the repo's (which excludes the fixtures); the fixtures' plain `.ts` specifiers need none.
  const { tsConfig: _repoTsConfig, ...options } = config.options ?? {};
  const roots = readdirSync(baseDir);
  const { output } = await cruise(roots, { ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  const result = output as ICruiseResult;
  return [...new Set((result.summary.violations ?? []).map((v) => v.rule.name))].sort();
}

describe("dependency-cruiser layering rules", () => {
  const rules = (config.forbidden ?? []).map((r) => r.name ?? "");

  it("has one fixture per rule, plus one that obeys them all", () => {
    expect(readdirSync(fixtures).sort()).toEqual([...rules, CLEAN].sort());
  });

  it.each(rules)("%s: its fixture's one wrong import breaks exactly that rule", async (rule) => {
    expect(await violatedRules(rule)).toEqual([rule]);
  });

  it("a tree using every allowed arrow breaks none", async () => {
    expect(await violatedRules(CLEAN)).toEqual([]);
  });
});
