import { MUTATIONS } from "../../topologies/index.ts";
import { UsageError } from "../validation/usage-error.ts";

/**
 * Turns `--set a.b=value` strings into a nested override object; numbers and booleans are parsed,
 * everything else stays a string. Pure; throws UsageError on a malformed entry.
 */
export function parseSets(sets: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sets) {
    const m = s.match(/^([A-Za-z][\w]*(?:\.[A-Za-z][\w]*)*)=(.*)$/);
    if (!m) throw new UsageError(`--set expects path=value (e.g. galera.mode=multi-writer), got "${s}"`);
    const keys = m[1].split(".");
    let node = out;
    for (const k of keys.slice(0, -1)) {
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    node[keys.at(-1)!] = parseValue(m[2]);
  }
  return out;
}

function parseValue(v: string): unknown {
  if (v === "true" || v === "false") return v === "true";
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** `overrides` with `mutations` set to `mutate` when any is given. Pure; throws UsageError naming an unknown mutation. */
export function withMutations(overrides: Record<string, unknown>, mutate: readonly string[]): Record<string, unknown> {
  const unknown = mutate.filter((m) => !Object.hasOwn(MUTATIONS, m));
  if (unknown.length) throw new UsageError(`--mutate: unknown mutation "${unknown.join('", "')}"; known: ${Object.keys(MUTATIONS).join(", ")}`);
  return mutate.length ? { ...overrides, mutations: [...mutate] } : overrides;
}
