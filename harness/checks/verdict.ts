/** A check's judgement: true, false, or unknown when the history cannot tell. */
export type Validity = true | false | "unknown";

/** What every check returns; checks never throw to say "fail". */
export interface Verdict {
  valid: Validity;
  details: Record<string, unknown>;
}
