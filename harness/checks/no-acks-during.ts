import { compareMono, relativeClock } from "../history/clock.ts";
import type { FaultEvent, HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link noAcksDuring}. */
export interface NoAcksDuringOptions {
  /** The client that must be refused, e.g. "mysql-minority". */
  process: string;
  /** Only ops with this f; default every op of the process. */
  f?: string;
  /** Only fault events with this name bound the window; default any fault. */
  fault?: string;
}

/**
 * While a fault holds, `process` is refused: no ok op of it completes between the fault's first
 * `effective` event and the first `heal` after it. False naming the ok ops in that window;
 * unknown with no effective/heal pair, or when no op of the process completed in the window
 * (nothing was tried, so nothing was refused).
 */
export function noAcksDuring(events: readonly HistoryEvent[], opts: NoAcksDuringOptions): Verdict {
  const faults = events.filter((e): e is FaultEvent => e.kind === "fault" && (opts.fault === undefined || e.fault === opts.fault)).sort((a, b) => compareMono(a.mono, b.mono));
  const effective = faults.find((e) => e.phase === "effective");
  const heal = effective && faults.find((e) => e.phase === "heal" && compareMono(e.mono, effective.mono) > 0);
  const base = { process: opts.process, f: opts.f };
  if (!effective || !heal) return verdict("unknown", { ...base, reason: "no effective fault followed by a heal" });
  const ms = relativeClock(events);
  const inWindow = completedOps(events, { process: opts.process, f: opts.f }).filter(
    (o) => o.completeMono !== undefined && compareMono(o.completeMono, effective.mono) > 0 && compareMono(o.completeMono, heal.mono) < 0,
  );
  const acked = inWindow.filter((o) => o.type === "ok");
  const refused = inWindow.filter((o) => o.type !== "ok");
  const details = {
    ...base,
    windowMs: { from: ms(effective.mono), to: ms(heal.mono) },
    attempted: inWindow.length,
    refused: refused.length,
    acked: acked.length,
    firstAcks: acked.slice(0, 10).map((o) => ({ atMs: ms(o.completeMono!), value: o.value, host: o.host })),
    errors: [...new Set(refused.map((o) => String(o.error?.code ?? o.type)))],
  };
  if (acked.length) return verdict(false, details);
  return inWindow.length === 0 ? verdict("unknown", { ...details, reason: "no op completed while the fault held" }) : verdict(true, details);
}
