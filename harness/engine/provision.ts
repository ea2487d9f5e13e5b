import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync } from "node:fs";
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

const HINT = "Install a Docker engine (Debian: `apt-get install -y docker.io && dockerd &`) or set DOCKER_HOST.";

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
  if (process.getuid?.() !== 0 || !debian)
    throw new EngineUnavailableError("no Docker engine answers, and haproof can only install one as root on Debian/Ubuntu", HINT);
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
  spawn("dockerd", [], { detached: true, stdio: ["ignore", out, out] }).unref();
  await waitFor("the Docker engine to answer", () => engineAnswers(), { timeoutMs: 60_000, intervalMs: 500 });
  opts.log("engine: dockerd is up");
}

async function has(cmd: string): Promise<boolean> {
  try {
    await run("sh", ["-c", `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}
