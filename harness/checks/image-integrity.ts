import type { HistoryEvent } from "../history/event.ts";
import { completedOps } from "../history/ops.ts";
import { lastSample } from "../history/samples.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link imageIntegrity}. */
export interface ImageIntegrityOptions {
  /** Glance client process; default "glance". Its ok "download" ops carry `{image, sha256}`. */
  process?: string;
  /** Expected sha256 per image, used when the history has no `glance:expected` sample. */
  expected?: Record<string, string>;
}

/**
 * Every successful download has its image's expected sha256 (from the last `glance:expected`
 * sample, else `expected`). False on any mismatch, or on two different checksums for one image.
 * Unknown with no successful download, a malformed one, or none that could be compared.
 */
export function imageIntegrity(events: readonly HistoryEvent[], opts: ImageIntegrityOptions = {}): Verdict {
  const downloads = completedOps(events, { process: opts.process ?? "glance", f: "download" }).filter((o) => o.type === "ok");
  if (downloads.length === 0) return verdict("unknown", { reason: "no successful download" });
  const sample = lastSample(events, { kind: "glance-expected" })?.value;
  const expected = isChecksums(sample) ? sample : (opts.expected ?? {});
  const seen = new Map<string, Set<string>>();
  const mismatches: { image: string; sha256: string; expected: string; host?: string }[] = [];
  let malformed = 0;
  let verified = 0;
  for (const o of downloads) {
    const v = o.value as { image?: unknown; sha256?: unknown } | undefined;
    if (typeof v?.image !== "string" || typeof v.sha256 !== "string") {
      malformed++;
      continue;
    }
    const sha = v.sha256.toLowerCase();
    seen.set(v.image, (seen.get(v.image) ?? new Set()).add(sha));
    const want = expected[v.image]?.toLowerCase();
    if (want === undefined) continue;
    verified++;
    if (want !== sha) mismatches.push({ image: v.image, sha256: sha, expected: want, ...(o.host ? { host: o.host } : {}) });
  }
  const inconsistent = [...seen].filter(([, s]) => s.size > 1).map(([image]) => image);
  const details = { downloads: downloads.length, verified, malformed, mismatches, inconsistent, images: [...seen.keys()] };
  if (mismatches.length || inconsistent.length) return verdict(false, details);
  if (malformed || verified === 0) return verdict("unknown", { ...details, reason: malformed ? "malformed download values" : "no download had an expected checksum" });
  return verdict(true, details);
}

function isChecksums(v: unknown): v is Record<string, string> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}
