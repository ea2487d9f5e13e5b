import { randomBytes } from "node:crypto";
import { renameSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";

/** Root of generated reports: `reports/` at the repository root (git-ignored). */
export const REPORTS_DIR = path.join(import.meta.dirname, "..", "..", "reports");

/** The directory of one run's report: `<root>/<runId>`; creates nothing. */
export function runDir(runId: string, root: string = REPORTS_DIR): string {
  if (!runId || runId.includes("/") || runId.includes("\\") || runId === "." || runId === ".." || runId === "latest") {
    throw new RangeError(`not a usable run id: ${JSON.stringify(runId)}`);
  }
  return path.join(root, runId);
}

/**
 * Points `<parent of dir>/latest` at `dir` with a relative symlink, replaced atomically (temp link, then rename).
 * Returns the link path. Idempotent.
 */
export function linkLatest(dir: string): string {
  const abs = path.resolve(dir);
  const link = path.join(path.dirname(abs), "latest");
  const tmp = `${link}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  symlinkSync(path.basename(abs), tmp, "dir");
  try {
    renameSync(tmp, link);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return link;
}
