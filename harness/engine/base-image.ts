import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { docker } from "./docker.ts";
import { LABEL } from "./labels.ts";

const sh = promisify(execFile);

/** The locally made Debian bookworm root file system, used where no registry answers. */
export const LOCAL_ROOTFS = "haproof/rootfs:bookworm";
/** The registry base image, used when present locally or when a pull succeeds. */
export const REGISTRY_BASE = "debian:bookworm-slim";
/** How long one attempt to pull the registry base may take before haproof builds the base itself. */
export const PULL_ATTEMPT_MS = 60_000;

/** Whether to try a registry, from HAPROOF_PULL_BASE: "1" must pull, "auto" tries once (bounded), "0" never. */
export type PullPolicy = "1" | "auto" | "0";

/**
 * The pull policy in force and why. Unset means "auto" on a GitHub-hosted runner (which has a registry) and
 * "0" elsewhere: haproof sends nothing to a registry nobody asked it to reach. Pure.
 */
export function pullPolicy(env: NodeJS.ProcessEnv = process.env): { policy: PullPolicy; why: string } {
  const v = env.HAPROOF_PULL_BASE;
  if (v === "1" || v === "auto" || v === "0") return { policy: v, why: `HAPROOF_PULL_BASE=${v}` };
  if (env.GITHUB_ACTIONS === "true") return { policy: "auto", why: "a GitHub-hosted runner, which reaches Docker Hub" };
  return { policy: "0", why: "HAPROOF_PULL_BASE is not set (set it to auto to try a registry first)" };
}

async function present(ref: string): Promise<boolean> {
  try {
    await docker().getImage(ref).inspect();
    return true;
  } catch {
    return false;
  }
}

async function pulled(policy: PullPolicy, log: (l: string) => void): Promise<boolean> {
  log(`base: pulling ${REGISTRY_BASE} (at most ${PULL_ATTEMPT_MS / 1000} s)`);
  try {
    await sh("docker", ["pull", "--quiet", REGISTRY_BASE], { timeout: PULL_ATTEMPT_MS });
    log(`base: ${REGISTRY_BASE} pulled from the registry`);
    return true;
  } catch (e) {
    const why = (e as { killed?: boolean; stderr?: string }).killed ? `no answer in ${PULL_ATTEMPT_MS / 1000} s` : ((e as { stderr?: string }).stderr ?? String(e)).trim().split("\n").at(-1);
    if (policy === "1") throw new Error(`base: HAPROOF_PULL_BASE=1 but ${REGISTRY_BASE} could not be pulled: ${why}`);
    log(`base: no registry answered (${why}); building the base locally instead`);
    return false;
  }
}

/**
 * Returns the image every Dockerfile builds FROM: debian:bookworm-slim when present or pulled (see
 * {@link pullPolicy}), else a rootfs made from the host's own Debian package sources with mmdebstrap and
 * `docker import` (about 20 s). Says on `log` which, and why. Idempotent.
 */
export async function ensureBaseImage(log: (l: string) => void): Promise<string> {
  if (await present(REGISTRY_BASE)) return REGISTRY_BASE;
  const { policy, why } = pullPolicy();
  if (policy !== "0" && (await pulled(policy, log))) return REGISTRY_BASE;
  if (await present(LOCAL_ROOTFS)) return LOCAL_ROOTFS;
  log(`base: building a bookworm rootfs from the host's package sources with mmdebstrap (${policy === "0" ? `no registry tried: ${why}` : "no registry image"})`);
  await sh("sh", ["-c", "command -v mmdebstrap >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap)"], { maxBuffer: 64 << 20 });
  const make = `mmdebstrap --quiet --variant=minbase --include=ca-certificates bookworm - | docker import --change 'LABEL ${LABEL}=true' - ${LOCAL_ROOTFS}`;
  await sh("bash", ["-o", "pipefail", "-c", make], { maxBuffer: 64 << 20 });
  log(`base: ${LOCAL_ROOTFS} imported`);
  return LOCAL_ROOTFS;
}
