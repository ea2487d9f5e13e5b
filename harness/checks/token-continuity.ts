import { compareMono, relativeClock } from "../history/clock.ts";
import type { HistoryEvent } from "../history/event.ts";
import { faultWindow } from "../history/fault-window.ts";
import { completedOps } from "../history/ops.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link tokenContinuity}. */
export interface TokenContinuityOptions {
  /** Keystone client process; default "keystone". */
  process?: string;
  /** Only fault events with this name bound the window; default all faults. */
  fault?: string;
}

/**
 * Tokens survive a fault. The fault window runs from the first `effective` to the last `healed`
 * fault event. False unless every token issued (ok "issue", completed) before the window has at
 * least one "validate" invoked after the heal and its last such validation is ok, and at least
 * one new token is issued by an op invoked after the heal. Unknown with no fault window or no
 * token issued before it.
 */
export function tokenContinuity(events: readonly HistoryEvent[], opts: TokenContinuityOptions = {}): Verdict {
  const process = opts.process ?? "keystone";
  const { effectiveMono, healedMono } = faultWindow(events, opts.fault);
  if (!effectiveMono || !healedMono) return verdict("unknown", { reason: "no fault window (effective and healed)", effectiveMono, healedMono });
  const ms = relativeClock(events);
  const issued = completedOps(events, { process, f: "issue" }).filter((o) => o.type === "ok" && o.completeMono);
  const before = [...new Set(issued.filter((o) => compareMono(o.completeMono!, effectiveMono) < 0).map((o) => String(o.value)))];
  const window = { faultStartMs: ms(effectiveMono), healedMs: ms(healedMono) };
  if (before.length === 0) return verdict("unknown", { ...window, reason: "no token issued before the fault" });
  const afterHeal = (o: { invokeMono: string }) => compareMono(o.invokeMono, healedMono) >= 0;
  const validations = completedOps(events, { process, f: "validate" })
    .filter((o) => o.completeMono && afterHeal(o))
    .sort((a, b) => compareMono(a.completeMono!, b.completeMono!));
  const lastValidation = new Map(validations.map((o) => [String(o.value), o.type]));
  const notValidated = before.filter((t) => !lastValidation.has(t));
  const invalid = before.filter((t) => lastValidation.has(t) && lastValidation.get(t) !== "ok");
  const newTokens = issued.filter(afterHeal).length;
  return verdict(notValidated.length === 0 && invalid.length === 0 && newTokens > 0, {
    ...window,
    tokensBeforeFault: before.length,
    notValidatedAfterHeal: notValidated,
    invalidAfterHeal: invalid,
    newTokensAfterHeal: newTokens,
  });
}
