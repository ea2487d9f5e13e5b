/** What {@link onInterrupt} does on a signal. */
export interface InterruptPlan {
  /** Stops the work and removes everything it created; resolves when done. */
  cleanup: () => Promise<unknown>;
  /** Lines naming what is still left and the command that removes it, for an abandoned cleanup. */
  leftovers: () => Promise<string[]>;
  log?: (line: string) => void;
  /**
   * Signals within this many ms of the first are the same interrupt: a terminal's Ctrl-C reaches the whole
   * process group, and npm forwards its own copy too. Default 1500.
   */
  sameSignalMs?: number;
}

/**
 * On the first SIGINT/SIGTERM: runs `cleanup` once, then exits 130. A later signal abandons the cleanup: it
 * prints what is left and how to remove it, then exits 130. Returns a function that removes the handlers, unless
 * an interrupt is already being handled (then they stay until it exits).
 */
export function onInterrupt(plan: InterruptPlan): () => void {
  const log = plan.log ?? console.error;
  let first = 0;
  const handler = (sig: NodeJS.Signals) => {
    const now = Date.now();
    if (!first) {
      first = now;
      log(`\n${sig}: stopping, and removing what this run created (press Ctrl-C again to abandon) ...`);
      plan
        .cleanup()
        .then(() => log("interrupted: cleanup done, nothing of this run is left"))
        .catch((e) => log(`interrupted: cleanup failed (${e instanceof Error ? e.message : e}); \`npx haproof clean\` removes every haproof run`))
        .finally(() => process.exit(130));
      return;
    }
    if (now - first < (plan.sameSignalMs ?? 1500)) return;
    log("interrupted again: cleanup abandoned");
    const timeout = new Promise<string[]>((r) => setTimeout(() => r(["(the engine did not answer in 5 s) `npx haproof clean` removes every haproof run"]), 5000).unref());
    Promise.race([plan.leftovers(), timeout])
      .catch((e) => [`(could not list what is left: ${(e as Error).message}) \`npx haproof clean\` removes every haproof run`])
      .then((lines) => {
        for (const l of lines.length ? lines : ["nothing of this run is left"]) log(`  ${l}`);
      })
      .finally(() => process.exit(130));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    // Once an interrupt is being handled, its handlers stay until it exits: a later copy of the signal (npm and
    // tsx forward their own) reaching a process with no handler left would kill it in the middle of the cleanup.
    if (first) return;
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
