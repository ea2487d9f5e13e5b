import type { Requirement } from "./requirement.ts";
import { boundUnder } from "./timing-bound.ts";

// The checks' Validity, spelled out: requirements stay independent of harness/checks.
type Validity = true | false | "unknown";

/**
 * The requirement's formula applied to the running topology's actual `tunables`: the bound the run's own
 * configuration allows. Undefined when the requirement has no formula, or `tunables` is not a valid set of
 * its topology kind. Pure.
 */
export function ownTimingBound(req: Pick<Requirement, "bound">, tunables: unknown): number | undefined {
  return req.bound ? boundUnder(req.bound, tunables) : undefined;
}

/** The "consistent with its own timings" verdict of one requirement on one run. */
export interface OwnTimingVerdict {
  valid: Validity;
  /** The bound under the run's tunables, when they could be read. */
  boundMs?: number;
  note?: string;
}

/**
 * Whether `measuredMs` stays within the bound the run's own `tunables` allow: catches a failover slower than
 * its configuration permits even when the fixed bound (from the default tunables) was moved by `--set`.
 * Undefined for a requirement without a formula (not applicable). Unknown without a finite measurement or
 * readable tunables; false above; true within. Pure.
 */
export function ownTimingVerdict(req: Pick<Requirement, "bound">, tunables: unknown, measuredMs: number | undefined): OwnTimingVerdict | undefined {
  if (!req.bound) return undefined;
  const boundMs = ownTimingBound(req, tunables);
  if (boundMs === undefined) return { valid: "unknown", note: `the run recorded no ${req.bound.kind} tunables` };
  if (measuredMs === undefined || !Number.isFinite(measuredMs)) return { valid: "unknown", boundMs, note: "not measured" };
  return measuredMs <= boundMs ? { valid: true, boundMs } : { valid: false, boundMs, note: `${measuredMs} ms > ${boundMs} ms that its own timings allow` };
}
