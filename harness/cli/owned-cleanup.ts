import { cleanRunsOf, currentOwner, describeRun, runsOf } from "../engine/index.ts";

/** The cleanup half of an interrupt plan: removes every run this process owns, plus `extra()` run ids. */
export function removeOwnedRuns(extra: () => string[] = () => []): () => Promise<unknown> {
  return () => cleanRunsOf(currentOwner(), extra());
}

/** The leftovers half: one line per run still on the engine, with the command that removes it. */
export function ownedLeftovers(extra: () => string[] = () => []): () => Promise<string[]> {
  return async () => (await runsOf(currentOwner(), extra())).map((r) => `left: ${describeRun(r)}; remove it with \`npx haproof down --run ${r.runId}\``);
}
