import { cleanRunsOf, currentOwner, describeRun, runsOf } from "../engine/index.ts";

/**
 * The cleanup half of an interrupt plan: removes every run this process owns, plus `extra()` run ids, and
 * waits until none is listed; throws naming the runs still there after 60 s (so the interrupt says so).
 */
export function removeOwnedRuns(extra: () => string[] = () => []): () => Promise<unknown> {
  return async () => {
    const r = await cleanRunsOf(currentOwner(), extra());
    if (r.left.length) throw new Error(`still on the engine after 60 s: ${r.left.join(", ")}`);
    return r;
  };
}

/** The leftovers half: one line per run still on the engine, with the command that removes it. */
export function ownedLeftovers(extra: () => string[] = () => []): () => Promise<string[]> {
  return async () => (await runsOf(currentOwner(), extra())).map((r) => `left: ${describeRun(r)}; remove it with \`npx haproof down --run ${r.runId}\``);
}
