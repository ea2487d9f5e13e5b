/**
 * Runs `cleanup` once on the first SIGINT/SIGTERM and exits 130; a second signal exits at once.
 * Returns a function that removes the handlers.
 */
export function onInterrupt(cleanup: () => Promise<unknown>, log: (l: string) => void = console.error): () => void {
  let cleaning = false;
  const handler = (sig: NodeJS.Signals) => {
    if (cleaning) process.exit(130);
    cleaning = true;
    log(`\n${sig}: cleaning up what this run created (press Ctrl-C again to abandon) ...`);
    cleanup()
      .then(() => log("cleanup done"))
      .catch((e) => log(`cleanup failed: ${e instanceof Error ? e.message : e}; run \`npx haproof clean\``))
      .finally(() => process.exit(130));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
