import { defineConfig } from "vitest/config";

// Two projects: pure unit tests (no Docker), and integration/scenario specs on real containers.
// Integration specs run one file at a time with no retries: a retry would hide a flaky failover.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["harness/**/*.test.ts", "topologies/**/*.test.ts", "bench/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/**/*.it.ts", "scenarios/**/*.scenario.ts"],
          environment: "node",
          fileParallelism: false,
          retry: 0,
          testTimeout: 20 * 60_000,
          hookTimeout: 20 * 60_000,
        },
      },
    ],
  },
});
