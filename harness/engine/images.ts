import { join } from "node:path";
import { pack } from "tar-stream";
import { readFileSync, statSync } from "node:fs";
import { docker } from "./docker.ts";
import { contextHash, listFiles } from "./context-hash.ts";
import { ImageBuildError } from "./errors.ts";
import { LABEL } from "./labels.ts";

/** Folder holding one build context per image. */
export const DOCKER_DIR = join(import.meta.dirname, "..", "..", "docker");

/** Image folder for each topology role. */
export const ROLE_IMAGES: Record<string, string> = {
  datahost: "datahost",
  lb: "lb",
  gluster: "gluster",
  controller: "controller",
  cwnode: "cwnode",
};

function tarContext(dir: string): NodeJS.ReadableStream {
  const p = pack();
  for (const f of listFiles(dir)) {
    const st = statSync(join(dir, f));
    p.entry({ name: f, mode: st.mode & 0o777 }, readFileSync(join(dir, f)));
  }
  p.finalize();
  return p as unknown as NodeJS.ReadableStream;
}

async function exists(ref: string): Promise<boolean> {
  try {
    await docker().getImage(ref).inspect();
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds docker/<name> FROM `from` unless `haproof/<name>:<context hash>` exists; returns the tag.
 * Streams `Step n/m` lines to `log` as progress. Throws ImageBuildError with the build output.
 */
export async function ensureImage(name: string, from: string, log: (l: string) => void): Promise<string> {
  const dir = join(DOCKER_DIR, name);
  const tag = `haproof/${name}:${contextHash(dir, from)}`;
  if (await exists(tag)) return tag;
  log(`image ${name}: building ${tag}`);
  const started = performance.now();
  const stream = await docker().buildImage(tarContext(dir), {
    t: tag,
    buildargs: { BASE_IMAGE: from },
    labels: { [LABEL]: "true" },
    rm: true,
    forcerm: true,
  });
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    docker().modem.followProgress(
      stream,
      (err: Error | null, res: Array<{ error?: string }>) => {
        const failed = err?.message ?? res?.find((r) => r.error)?.error;
        if (failed) reject(new ImageBuildError(name, `${lines.slice(-30).join("")}\n${failed}`));
        else resolve();
      },
      (ev: { stream?: string }) => {
        if (!ev.stream) return;
        lines.push(ev.stream);
        if (lines.length > 200) lines.shift();
        const step = ev.stream.match(/^Step \d+\/\d+ : .{0,90}/);
        if (step) log(`image ${name}: ${step[0]}`);
      },
    );
  });
  if (!(await exists(tag))) throw new ImageBuildError(name, lines.slice(-30).join(""));
  log(`image ${name}: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return tag;
}

/** Ensures the base image and every role image in `roles`; returns role -> tag. Builds sequentially (2 cores). */
export async function ensureRoleImages(rootfs: string, roles: string[], log: (l: string) => void): Promise<Record<string, string>> {
  const base = await ensureImage("base", rootfs, log);
  const tags: Record<string, string> = {};
  for (const role of [...new Set(roles)]) {
    const img = ROLE_IMAGES[role];
    if (!img) throw new Error(`no image for role ${role}`);
    tags[role] = await ensureImage(img, base, log);
  }
  return tags;
}
