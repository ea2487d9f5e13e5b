import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { docker } from "./docker.ts";
import { LABEL } from "./labels.ts";

const sh = promisify(execFile);

/** The locally made Debian bookworm root file system, used where no registry answers. */
export const LOCAL_ROOTFS = "haproof/rootfs:bookworm";
/** The registry base image, used when already present locally (or HAPROOF_PULL_BASE=1). */
export const REGISTRY_BASE = "debian:bookworm-slim";

async function present(ref: string): Promise<boolean> {
  try {
    await docker().getImage(ref).inspect();
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the image every Dockerfile builds FROM: debian:bookworm-slim if it is present
 * (pulled only when HAPROOF_PULL_BASE=1), else a rootfs made from the host's own Debian
 * package sources with mmdebstrap and `docker import` (about 20 s). Idempotent.
 */
export async function ensureBaseImage(log: (l: string) => void): Promise<string> {
  if (await present(REGISTRY_BASE)) return REGISTRY_BASE;
  if (process.env.HAPROOF_PULL_BASE === "1") {
    log(`base: pulling ${REGISTRY_BASE}`);
    await sh("docker", ["pull", REGISTRY_BASE]);
    return REGISTRY_BASE;
  }
  if (await present(LOCAL_ROOTFS)) return LOCAL_ROOTFS;
  log("base: no registry image; building a bookworm rootfs from the host's package sources (mmdebstrap)");
  await sh("sh", ["-c", "command -v mmdebstrap >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap)"], { maxBuffer: 64 << 20 });
  const make = `mmdebstrap --quiet --variant=minbase --include=ca-certificates bookworm - | docker import --change 'LABEL ${LABEL}=true' - ${LOCAL_ROOTFS}`;
  await sh("bash", ["-o", "pipefail", "-c", make], { maxBuffer: 64 << 20 });
  log(`base: ${LOCAL_ROOTFS} imported`);
  return LOCAL_ROOTFS;
}
