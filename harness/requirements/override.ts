import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseJsonWith } from "../validation/index.ts";
import { RequirementSchema, type Requirement } from "./requirement.ts";

/** Repository root, where `haproof.requirements.json` is looked for. */
export const REPO_ROOT = path.join(import.meta.dirname, "..", "..");

/** A site's requirements file that cannot be used; the message names the file and the bad field. */
export class RequirementsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
    this.name = "RequirementsError";
  }
}

/** The fields a site may change on an existing requirement (strict: a misspelt field is an error). */
const PatchSchema = RequirementSchema.pick({ title: true, text: true, metric: true, thresholdMs: true, source: true }).partial().strict();

/** A site's `haproof.requirements.json`: patches by id, plus requirements of its own. */
export const RequirementsOverrideSchema = z.strictObject({
  $schema: z.string().optional(),
  /** id -> fields to change, e.g. `{ "PRISMA-CTRL-VIP-MOVE": { "thresholdMs": 20000 } }`. */
  requirements: z.record(z.string(), PatchSchema).optional(),
  /** Extra requirements (new ids). */
  add: z.array(RequirementSchema).optional(),
});

/** A parsed requirements override. */
export type RequirementsOverride = z.infer<typeof RequirementsOverrideSchema>;

/** Parses and validates override JSON text; throws RequirementsError naming `file` and each bad field. Pure. */
export function parseRequirementsOverride(text: string, file: string): RequirementsOverride {
  const r = parseJsonWith(RequirementsOverrideSchema, text);
  if (!r.ok) throw new RequirementsError(file, r.problems);
  return r.data;
}

/** Applies an override to the defaults and returns a new table; unknown or duplicate ids throw RequirementsError. Pure. */
export function applyRequirementsOverride(defaults: readonly Requirement[], o: RequirementsOverride, file: string): Requirement[] {
  const problems: string[] = [];
  const known = new Set(defaults.map((r) => r.id));
  for (const id of Object.keys(o.requirements ?? {})) if (!known.has(id)) problems.push(`requirements.${id}: no requirement has this id`);
  (o.add ?? []).forEach((r, i) => {
    if (known.has(r.id)) problems.push(`add.${i}.id: ${r.id} already exists (patch it under "requirements" instead)`);
    known.add(r.id);
  });
  if (problems.length) throw new RequirementsError(file, problems);
  const patched = defaults.map((r) => ({ ...r, ...(o.requirements?.[r.id] ?? {}) }));
  return [...patched, ...(o.add ?? [])];
}

/**
 * The override file to use: `HAPROOF_REQUIREMENTS` (relative to the working directory; must exist),
 * else `haproof.requirements.json` at the repository root when present, else undefined.
 */
export function overrideFile(env: NodeJS.ProcessEnv = process.env, root: string = REPO_ROOT): string | undefined {
  const named = env.HAPROOF_REQUIREMENTS;
  if (named) {
    const file = path.resolve(named);
    if (!existsSync(file)) throw new RequirementsError(file, ["HAPROOF_REQUIREMENTS names a file that does not exist"]);
    return file;
  }
  const file = path.join(root, "haproof.requirements.json");
  return existsSync(file) ? file : undefined;
}

/** Reads, validates and applies the override `file` to `defaults`; throws RequirementsError on any problem. */
export function loadRequirementsOverride(defaults: readonly Requirement[], file: string): Requirement[] {
  return applyRequirementsOverride(defaults, parseRequirementsOverride(readFileSync(file, "utf8"), file), file);
}
