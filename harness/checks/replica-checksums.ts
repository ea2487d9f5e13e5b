import type { HistoryEvent } from "../history/event.ts";
import { samplesMatching } from "../history/samples.ts";
import { subjectHost, type SubjectPattern } from "../history/subject.ts";
import { verdict } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

/** Options for {@link replicaChecksums}. */
export interface ReplicaChecksumsOptions {
  /** Samples of each replica (its host), e.g. `{ kind: "brick-sha" }`, whose value is that replica's sha256 hex (null/absent: missing). */
  subject: SubjectPattern;
  /** The checksum every replica must hold. */
  expected: string;
  /** Replicas that must be sampled; default every replica sampled. */
  replicas?: string[];
}

/**
 * Every replica holds the expected bytes: the last `subject` sample of each equals
 * `expected`. False on a mismatch or a replica without the file (value null or not a string);
 * unknown when no replica (or a required one) was sampled at all.
 */
export function replicaChecksums(events: readonly HistoryEvent[], o: ReplicaChecksumsOptions): Verdict {
  const last = new Map<string, unknown>();
  for (const s of samplesMatching(events, o.subject)) last.set(subjectHost(s.subject) ?? s.subject, s.value);
  const replicas = o.replicas ?? [...last.keys()].sort();
  const unsampled = replicas.filter((r) => !last.has(r));
  const base = { expected: o.expected, replicas };
  if (replicas.length === 0 || unsampled.length) return verdict("unknown", { ...base, reason: "replicas not sampled", unsampled });
  const got = Object.fromEntries(replicas.map((r) => [r, last.get(r)]));
  const missing = replicas.filter((r) => typeof got[r] !== "string");
  const mismatched = replicas.filter((r) => typeof got[r] === "string" && (got[r] as string).toLowerCase() !== o.expected.toLowerCase());
  return verdict(missing.length === 0 && mismatched.length === 0, { ...base, checksums: got, missing, mismatched });
}
