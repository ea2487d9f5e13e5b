import type { z } from "zod";

/** A zod issue's path, dotted (`requirements.X.thresholdMs`), or `(root)` for the value itself. Pure. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join(".") : "(root)";
}

/** Every issue of a failed validation as `path: message`. Pure. */
export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`);
}

/** The outcome of {@link parseJsonWith}: the validated data, or every problem found. */
export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: string[] };

/** Parses JSON `text` and validates it with `schema`: `not JSON: …`, or one problem per issue. Pure; never throws. */
export function parseJsonWith<S extends z.ZodType>(schema: S, text: string): Parsed<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`not JSON: ${(e as Error).message}`] };
  }
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, data: r.data } : { ok: false, problems: issueLines(r.error) };
}
