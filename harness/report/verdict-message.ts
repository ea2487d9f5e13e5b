import { checkDigest } from "./check-digest.ts";
import type { RunSummary } from "./summary.ts";

/**
 * Why a run is not a pass, in one short paragraph: the run id, then each check that said false or
 * unknown with its digest. Used as the assertion message at a spec's edge, so a CI log that keeps
 * only vitest's failure section still names the failing checks and their figures.
 */
export function verdictMessage(summary: Pick<RunSummary, "runId" | "verdict" | "checks">): string {
  const bad = summary.checks.filter((c) => c.valid !== true);
  const lines = bad.map((c) => `${c.valid === false ? "FAIL" : "UNKNOWN"} ${c.name}: ${checkDigest(c, 240)}`);
  return [`run ${summary.runId} verdict ${summary.verdict}`, ...lines].join("\n");
}
