import { readFileSync, statSync } from "node:fs";
import { parseDocument } from "yaml";
import { issueLines, type Parsed } from "../validation/index.ts";
import { crossReferenceProblems } from "./cross-refs.ts";
import { SiteFileSchema, type SiteFile } from "./schema.ts";
import { secretsFileModeOk } from "./secrets.ts";

/** A site file that cannot be used: names the file and the first problem, and counts the rest (one line, for exit 2). */
export class SiteFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`site file ${file}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`);
    this.name = "SiteFileError";
  }
}

/** Options of {@link parseSiteYaml} and {@link loadSiteFile}. */
export interface SiteLoadOptions {
  /** Allow hosts whose key is neither pinned nor in knownHosts: recorded on first use (`--accept-new-host-keys`). */
  acceptNewHostKeys?: boolean;
}

/** Parses and validates site YAML: syntax errors with their line, schema issues and cross-references by field path. Pure. */
export function parseSiteYaml(text: string, opts: SiteLoadOptions = {}): Parsed<SiteFile> {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`) };
  }
  const r = SiteFileSchema.safeParse(doc.toJS());
  if (!r.success) return { ok: false, problems: issueLines(r.error) };
  const problems = crossReferenceProblems(r.data, opts);
  return problems.length ? { ok: false, problems } : { ok: true, data: r.data };
}

/** Whether the site file gives any secret inline (`value:` rather than `env:`). Pure. */
export function hasInlineSecrets(site: SiteFile): boolean {
  const c = site.credentials;
  const secrets = [c.keystone?.password, c.database?.password, c.rabbitmq?.password, ...site.hosts.map((h) => (h.power.driver === "ipmi" ? h.power.password : undefined))];
  return secrets.some((s) => s !== undefined && "value" in s);
}

/**
 * Reads and validates the site file at `file`. Throws SiteFileError (one line) when it is unreadable,
 * invalid, inconsistent, or holds inline secrets while readable by group or others (it must be mode 0600).
 */
export function loadSiteFile(file: string, opts: SiteLoadOptions = {}): SiteFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SiteFileError(file, [(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message]);
  }
  const parsed = parseSiteYaml(text, opts);
  if (!parsed.ok) throw new SiteFileError(file, parsed.problems);
  const mode = statSync(file).mode;
  if (hasInlineSecrets(parsed.data) && !secretsFileModeOk(mode)) {
    throw new SiteFileError(file, [`holds inline secrets but has mode 0${(mode & 0o777).toString(8)}; chmod 600 it, or name environment variables instead`]);
  }
  return parsed.data;
}
