import type { Secret } from "./schema.ts";

/** A secret the site names that cannot be resolved (an unset environment variable). */
export class SecretError extends Error {
  constructor(
    readonly where: string,
    reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = "SecretError";
  }
}

/** The value of `secret` (inline, or from `env`); throws SecretError naming `where` and the variable, never the value. */
export function resolveSecret(secret: Secret, where: string, env: NodeJS.ProcessEnv = process.env): string {
  if ("value" in secret) return secret.value;
  const v = env[secret.env];
  if (v === undefined || v === "") throw new SecretError(where, `environment variable ${secret.env} is not set`);
  return v;
}

/** Whether a file holding inline secrets has mode 0600 or stricter: no bit for group or others. Pure. */
export function secretsFileModeOk(mode: number): boolean {
  return (mode & 0o077) === 0;
}

const MASK = "[redacted]";

/**
 * Replaces every registered secret value in text with `[redacted]`, longest first (so a secret that
 * contains another is masked whole). Values shorter than 4 characters are refused: masking them would
 * mangle ordinary text, so such a secret is an error, not a silent leak.
 */
export class Redactor {
  private values: string[] = [];

  /** Registers `value` for redaction; idempotent. Throws for a value under 4 characters. */
  add(value: string): void {
    if (value.length < 4) throw new SecretError("secret", "secrets shorter than 4 characters cannot be redacted reliably");
    if (!this.values.includes(value)) this.values = [...this.values, value].sort((a, b) => b.length - a.length);
  }

  /** `text` with every registered value masked. Pure apart from the registry. */
  redact(text: string): string {
    let out = text;
    for (const v of this.values) out = out.split(v).join(MASK);
    return out;
  }

  /** A deep copy of `value` with every string redacted (for history events and report details). */
  redactDeep<T>(value: T): T {
    if (typeof value === "string") return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v)) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactDeep(v)])) as T;
    return value;
  }
}
