import { cleanByLabel, currentOwner, engineAnswers, readyEngine } from "../engine/index.ts";
import { readSharedRuns, sessionId, takeSharedRuns } from "./session.ts";
import { runOptions } from "./run-options.ts";

/**
 * Vitest global setup of the integration project: finds or provisions the engine (removing orphaned runs),
 * opens a session owned by the haproof command that started vitest (or by vitest itself), and stops this
 * vitest when that command is gone. Its teardown removes the shared runs it used unless HAPROOF_KEEP=1.
 */
export default async function setup(): Promise<() => Promise<void>> {
  sessionId();
  currentOwner();
  // When this session began: runs written since belong to it (the controls test reuses their verdicts).
  process.env.HAPROOF_SESSION_STARTED ??= new Date().toISOString();
  await readyEngine((l) => console.log(l));
  const watchdog = watchParent(Number(process.env.HAPROOF_PARENT_PID));
  return async () => {
    clearInterval(watchdog);
    // The ledger is cleared only once its runs are gone: a haproof command interrupted while this teardown
    // runs (Ctrl-C as the report is written) still finds them in it, and removes them itself.
    const runs = readSharedRuns();
    if (!runOptions().keep && (await engineAnswers())) for (const runId of runs) await cleanByLabel({ runId });
    takeSharedRuns();
  };
}

/**
 * A vitest started by a haproof command runs in its own process group; if that command dies (SIGKILL), stop
 * the group so nothing goes on using a run the next command will reap as an orphan.
 */
function watchParent(pid: number): NodeJS.Timeout | undefined {
  if (!Number.isInteger(pid) || pid <= 1) return undefined;
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch {
      console.error(`haproof: the command that started this run (pid ${pid}) is gone; stopping`);
      process.kill(-process.pid, "SIGKILL");
    }
  }, 1000);
  timer.unref();
  return timer;
}
