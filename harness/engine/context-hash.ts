import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Relative paths of every file under `dir`, sorted; pure read of the file system. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** A 12-hex-digit hash of a build context's file names, modes and contents plus `salt` (e.g. the base tag). */
export function contextHash(dir: string, salt = ""): string {
  const h = createHash("sha256").update(salt);
  for (const f of listFiles(dir)) {
    const p = join(dir, f);
    h.update(`${f}\0${statSync(p).mode & 0o777}\0`)
      .update(readFileSync(p))
      .update("\0");
  }
  return h.digest("hex").slice(0, 12);
}
