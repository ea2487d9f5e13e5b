import { spawn } from "node:child_process";
import { join } from "node:path";
import { readSharedRuns, sessionId, takeSharedRuns } from "../run/session.ts";
import { onInterrupt } from "./interrupt.ts";
import { ownedLeftovers, removeOwnedRuns } from "./owned-cleanup.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Environment marking a vitest child whose parent haproof command owns cleanup on interrupt. */
export const PARENT_PID_ENV = "HAPROOF_PARENT_PID";

/**
 * Runs `files` in vitest's integration project as a child process with `env` added, output to this
 * terminal, and resolves its exit code. The child runs in its own process group: on SIGINT/SIGTERM this
 * process stops that group (SIGTERM, then SIGKILL after 3 s), removes every run it owns or re-used, and
 * exits 130. `jsonOut` sends vitest's JSON report elsewhere than reports/vitest.json.
 */
export function runVitest(files: string[], env: Record<string, string>, jsonOut?: string): Promise<number> {
  const bin = join(ROOT, "node_modules", "vitest", "vitest.mjs");
  process.env.HAPROOF_SESSION = sessionId();
  const child = spawn(process.execPath, [bin, "run", "--project", "integration", ...files], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...env, [PARENT_PID_ENV]: String(process.pid), ...(jsonOut ? { HAPROOF_VITEST_JSON: jsonOut } : {}) },
  });
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 130 : 1))));
  const stopChild = async () => {
    const group = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // the group is gone already
      }
    };
    group("SIGTERM");
    const kill = setTimeout(() => group("SIGKILL"), 3000);
    await exited;
    clearTimeout(kill);
    // Workers that outlived vitest's main process must not create anything after the cleanup.
    group("SIGKILL");
  };
  const off = onInterrupt({
    cleanup: async () => {
      await stopChild();
      await removeOwnedRuns(readSharedRuns)();
      takeSharedRuns();
    },
    leftovers: ownedLeftovers(readSharedRuns),
  });
  return exited.then((code) => {
    off();
    return code;
  });
}
