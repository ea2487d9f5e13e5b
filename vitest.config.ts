import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

// Scenario specs share one running topology; the foundation test in tests/ checks it last and
// takes it down, so the whole suite needs one bring-up. Order: scenarios/ by name, then tests/.
class ScenariosFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (f.moduleId.includes("/scenarios/") ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

// Scenarios not yet proven to pass on the real topology stay out of `npm test` until they are,
// each with its reason; `npm run scenario <name>` still runs them (it sets HAPROOF_ONE_SCENARIO).
const QUARANTINED: Record<string, string> = {};

export default defineConfig({
  test: {
    // default: the console summary; json: counted by .ci/run; allure: results for `npm run report`.
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }], ["allure-vitest/reporter", { resultsDir: "reports/allure-results" }]],
    projects: [
      {
        test: {
          name: "unit",
          include: ["harness/**/*.test.ts", "topologies/**/*.test.ts", "scenarios/**/*.test.ts", "bench/**/*.test.ts"],
          environment: "node",
          setupFiles: ["allure-vitest/setup"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/**/*.it.ts", "scenarios/**/*.scenario.ts"],
          exclude: process.env.HAPROOF_ONE_SCENARIO ? [] : Object.keys(QUARANTINED).map((n) => `scenarios/${n}.scenario.ts`),
          environment: "node",
          setupFiles: ["allure-vitest/setup"],
          globalSetup: ["scenarios/support/global-setup.ts"],
          // Phase lines go straight to the terminal as they happen, without per-line test headers.
          disableConsoleIntercept: true,
          // One file at a time, no retries: a retry would hide a flaky failover.
          fileParallelism: false,
          retry: 0,
          sequence: { sequencer: ScenariosFirst },
          testTimeout: 20 * 60_000,
          hookTimeout: 20 * 60_000,
        },
      },
    ],
  },
});
