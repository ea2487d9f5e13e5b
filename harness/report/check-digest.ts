import { boundText } from "./bound-text.ts";
import { formatMs, formatSeconds, isMsMetric } from "./format.ts";
import type { CheckResult } from "./summary.ts";

type Details = Record<string, unknown>;
const rec = (v: unknown): v is Details => typeof v === "object" && v !== null && !Array.isArray(v);

/** A one-line digest of a check's details: the reason, outage maxima, VIP moves, or the first scalar fields. */
export function checkDigest(check: Pick<CheckResult, "details">, maxLength = 90): string {
  const d = check.details;
  const line = outageDigest(d) ?? vipDigest(d) ?? failoverDigest(d) ?? reasonDigest(d) ?? scalarDigest(d);
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

function outageDigest(d: Details): string | undefined {
  if (!rec(d.processes)) return undefined;
  const entries = Object.values(d.processes);
  // Only an outage check's per-process entries carry maxMs; another check's `processes` (failover times) is not one.
  if (entries.length && !entries.some((p) => rec(p) && "maxMs" in p)) return undefined;
  const per = Object.entries(d.processes).filter(([, p]) => rec(p) && typeof p.maxMs === "number") as [string, Details][];
  if (per.length === 0) return reasonDigest(d) ?? "no probe ops";
  const [name, worstP] = per.reduce((a, b) => ((b[1].maxMs as number) > (a[1].maxMs as number) ? b : a));
  const windows = per.reduce((n, [, p]) => n + (typeof p.count === "number" ? p.count : 0), 0);
  if (windows === 0) return `no outage (${per.length} probe${per.length === 1 ? "" : "s"})`;
  const open = per.some(([, p]) => Array.isArray(p.windows) && p.windows.some((w) => rec(w) && w.recovered === false));
  // The comparison that decided the verdict: "5.2 s ≤ 10 s", or "≥ 64.5 s, never recovered (bound 90 s)".
  const limit = typeof d.maxOutageMs === "number" ? d.maxOutageMs : undefined;
  return `max window ${boundText(worstP.maxMs as number, limit, open)} on ${name}; ${windows} window${windows === 1 ? "" : "s"}`;
}

function vipDigest(d: Details): string | undefined {
  if (!Array.isArray(d.moves)) return undefined;
  const parts = [`${d.moves.length} move${d.moves.length === 1 ? "" : "s"}`];
  if (typeof d.maxMoveMs === "number" && d.moves.length) parts.push(`max gap ${formatMs(d.maxMoveMs)}`);
  if (Array.isArray(d.splitBrain) && d.splitBrain.length) parts.push(`split-brain in ${d.splitBrain.length} samples`);
  if (Array.isArray(d.handoverOverlaps) && d.handoverOverlaps.length) parts.push(`${d.handoverOverlaps.length} handover overlap${d.handoverOverlaps.length === 1 ? "" : "s"}`);
  if (Array.isArray(d.strays) && d.strays.length) parts.push(`${d.strays.length} stray holders`);
  if (d.endsWithoutHolder === true) parts.push("ends with no holder");
  return `${typeof d.vip === "string" ? `${d.vip}: ` : ""}${parts.join("; ")}`;
}

function failoverDigest(d: Details): string | undefined {
  if (!rec(d.failoverMs)) return undefined;
  const parts = Object.entries(d.failoverMs).map(([p, v]) => `${p} ${typeof v === "number" ? formatMs(v) : "did not fail over"}`);
  return parts.length ? `failed over: ${parts.join(", ")}` : undefined;
}

function reasonDigest(d: Details): string | undefined {
  for (const k of ["reason", "error", "message"]) if (typeof d[k] === "string") return d[k] as string;
  return undefined;
}

function scalarDigest(d: Details): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(d)) {
    if (k.endsWith("Mono")) continue; // raw ns clocks mean nothing to a reader
    if (typeof v === "number") parts.push(`${k}=${isMsMetric(k) ? formatSeconds(v) : v}`);
    else if (typeof v === "string" || typeof v === "boolean") parts.push(`${k}=${v}`);
    else if (Array.isArray(v)) parts.push(`${k}=[${v.length}]`);
  }
  return parts.length ? parts.join(", ") : "-";
}
