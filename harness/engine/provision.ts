import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { engineAnswers } from "./docker.ts";
import { EngineUnavailableError } from "./errors.ts";
import { waitFor } from "../wait/index.ts";

const run = promisify(execFile);

/** Options for {@link ensureEngine}. */
export interface ProvisionOptions {
  log: (line: string) => void;
  /** Defaults to !HAPROOF_NO_PROVISION. */
  provision?: boolean;
}

const HINT = "install a Docker engine (Debian: `apt-get install -y docker.io && dockerd &`) or set DOCKER_HOST";

/** Where haproof records the pid of a dockerd it started, so that one (and only that one) can be stopped by its pid. */
export const DOCKERD_PID_FILE = "/var/log/haproof/dockerd.pid";

/**
 * Makes sure a Docker engine answers. When none does and we are root on Debian/Ubuntu,
 * installs the distribution's docker.io, starts dockerd in the background and waits for it.
 * Throws EngineUnavailableError otherwise. Idempotent.
 */
export async function ensureEngine(opts: ProvisionOptions): Promise<void> {
  if (await engineAnswers()) return;
  const provision = opts.provision ?? process.env.HAPROOF_NO_PROVISION !== "1";
  if (process.env.DOCKER_HOST) throw new EngineUnavailableError(`no Docker engine answers at DOCKER_HOST=${process.env.DOCKER_HOST}`, HINT);
  if (!provision) throw new EngineUnavailableError("no Docker engine answers and HAPROOF_NO_PROVISION=1", HINT);
  const debian = existsSync("/etc/debian_version");
  if (process.getuid?.() !== 0 || !debian) throw new EngineUnavailableError("no Docker engine answers, and haproof can only install one as root on Debian/Ubuntu", HINT);
  if (!(await has("dockerd"))) {
    opts.log("engine: no dockerd; installing docker.io from the distribution (apt-get) ...");
    await run("apt-get", ["update", "-qq"], { maxBuffer: 64 << 20 });
    await run("apt-get", ["install", "-y", "-qq", "docker.io", "iptables"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      maxBuffer: 64 << 20,
    });
  }
  mkdirSync("/var/log/haproof", { recursive: true });
  const out = openSync("/var/log/haproof/dockerd.log", "a");
  opts.log("engine: starting dockerd in the background (log: /var/log/haproof/dockerd.log)");
  const dockerd = spawn("dockerd", [], { detached: true, stdio: ["ignore", out, out] });
  dockerd.unref();
  if (dockerd.pid) writeFileSync(DOCKERD_PID_FILE, `${dockerd.pid}\n`);
  await waitFor("the Docker engine to answer", () => engineAnswers(), { timeoutMs: 60_000, intervalMs: 500 });
  opts.log(`engine: dockerd is up (pid ${dockerd.pid}, recorded in ${DOCKERD_PID_FILE})`);
}

async function has(cmd: string): Promise<boolean> {
  try {
    await run("sh", ["-c", `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * For commands that only inspect or remove (status, down, clean): resolves when an engine answers, else throws
 * EngineUnavailableError saying so and what to do. Never provisions.
 */
export async function requireEngine(): Promise<void> {
  if (await engineAnswers()) return;
  const where = process.env.DOCKER_HOST ? `at DOCKER_HOST=${process.env.DOCKER_HOST}` : "on this machine";
  throw new EngineUnavailableError(`no Docker engine answers ${where}, so there is nothing to show or remove`, "`npx haproof prepare` provisions one (as root on Debian), as `up` and `scenario` do");
}
