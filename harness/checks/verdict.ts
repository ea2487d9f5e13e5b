/** A check's judgement: true, false, or unknown when the history cannot tell. */
export type Validity = true | false | "unknown";

/** What every check returns; checks never throw to say "fail". */
export interface Verdict<D extends object = Record<string, unknown>> {
  valid: Validity;
  details: D;
  /** The value the check measured (ms, or a count), when it measures one: the metric a requirement row names. */
  metric?: number;
}
