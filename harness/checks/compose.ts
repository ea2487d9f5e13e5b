import type { Validity, Verdict } from "./verdict.ts";

/** The weakest of `values`: false beats unknown beats true; no values at all is unknown. */
export function worst(values: readonly Validity[]): Validity {
  if (values.length === 0) return "unknown";
  if (values.includes(false)) return false;
  if (values.includes("unknown")) return "unknown";
  return true;
}

/** Merges verdicts (named or listed) into one by {@link worst}; details keep each input. An empty input is unknown. */
export function compose(verdicts: Record<string, Verdict> | readonly Verdict[]): Verdict {
  const named: Record<string, Verdict> = Array.isArray(verdicts) ? Object.fromEntries(verdicts.map((v, i) => [String(i), v])) : { ...(verdicts as Record<string, Verdict>) };
  const list = Object.values(named);
  return {
    valid: worst(list.map((v) => (isVerdict(v) ? v.valid : "unknown"))),
    details: {
      checks: named,
      failed: Object.keys(named).filter((k) => named[k]!.valid === false),
      unknown: Object.keys(named).filter((k) => !isVerdict(named[k]) || named[k]!.valid === "unknown"),
    },
  };
}

/** Wraps a check so a throw or a malformed result yields unknown (never true), naming the check. */
export function guard<A extends unknown[], V extends Verdict<object>>(name: string, check: (...args: A) => V): (...args: A) => V | Verdict {
  return (...args) => {
    try {
      const v = check(...args);
      return isVerdict(v) ? v : { valid: "unknown", details: { check: name, error: "check returned no verdict", returned: v } };
    } catch (e) {
      return { valid: "unknown", details: { check: name, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } };
    }
  };
}

/** A verdict built from a validity, details and (optionally) the metric it measured; shorthand used by the checks. */
export function verdict<D extends object = Record<string, unknown>>(valid: Validity, details: D, metric?: number): Verdict<D> {
  return metric === undefined ? { valid, details } : { valid, details, metric };
}

function isVerdict<V extends Verdict<object>>(v: unknown): v is V {
  if (typeof v !== "object" || v === null) return false;
  const { valid, details } = v as Verdict;
  return (valid === true || valid === false || valid === "unknown") && typeof details === "object" && details !== null;
}
