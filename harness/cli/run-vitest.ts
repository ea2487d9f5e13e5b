import { spawn } from "node:child_process";
import { join } from "node:path";
import { cleanByLabel } from "../engine/index.ts";
import { sessionId, takeSharedRuns } from "../../scenarios/support/session.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * Runs `files` in vitest's integration project as a child process with `env` added, output to this
 * terminal; resolves its exit code, or 130 after an interrupt, once the runs its session built are
 * removed. `jsonOut` sends vitest's JSON report elsewhere than reports/vitest.json.
 */
export function runVitest(files: string[], env: Record<string, string>, jsonOut?: string): Promise<number> {
  const bin = join(ROOT, "node_modules", "vitest", "vitest.mjs");
  process.env.HAPROOF_SESSION = sessionId();
  let interrupted = false;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "run", "--project", "integration", ...files], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...env, ...(jsonOut ? { HAPROOF_VITEST_JSON: jsonOut } : {}) },
    });
    // The terminal's SIGINT reaches the child too; once it has exited, remove what its session built.
    const onSignal = () => void (interrupted = true);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    child.on("exit", async (code) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      if (interrupted) {
        console.error("\ninterrupted: removing the runs this session created ...");
        for (const runId of takeSharedRuns()) await cleanByLabel({ runId }).catch(() => undefined);
        return resolve(130);
      }
      resolve(code ?? 1);
    });
  });
}
