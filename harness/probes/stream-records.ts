import { shellQuote } from "../transport/index.ts";

/** Line that opens one record of a {@link streamLoop}. */
export const SAMPLE_MARK = "@@haproof-sample";
/** Prefix of the line that closes one record, followed by the command's exit code. */
export const END_MARK = "@@haproof-end";

/**
 * A bash script that runs `argv` forever, every `periodMs` after the last run ended, printing each run's stdout
 * between {@link SAMPLE_MARK} and `END_MARK <exit code>` lines (stderr dropped, so the record is what the
 * one-shot reader parses). It ends itself when its stdout is gone: a marker's echo then fails (EPIPE, or
 * SIGPIPE kills bash), so a cut stream kills the loop at its next print, within one period. Pure.
 */
export function streamLoop(argv: readonly string[], periodMs: number): string {
  const sleep = (periodMs / 1000).toFixed(3).replace(/\.?0+$/, "");
  return `while :; do echo ${SAMPLE_MARK} || exit 0; ${shellQuote(argv)} 2>/dev/null; echo "${END_MARK} $?" || exit 0; sleep ${sleep}; done`;
}

/** One complete run of a {@link streamLoop}'s command: its stdout and exit code. */
export interface StreamRecord {
  stdout: string;
  exitCode: number;
}

const END_LINE = new RegExp(`^([^]*)${END_MARK} (\\d+)$`);

/**
 * Splits a {@link streamLoop}'s output, in chunks cut anywhere, into complete records. Output before the first
 * {@link SAMPLE_MARK} or after an unfinished record's restart is dropped. Pure (state only in the instance).
 */
export class RecordSplitter {
  private partial = "";
  private lines: string[] | undefined;

  /** Feeds the next chunk; returns the records it completed, in order. */
  push(chunk: string): StreamRecord[] {
    const parts = (this.partial + chunk).split("\n");
    this.partial = parts.pop() ?? "";
    const done: StreamRecord[] = [];
    for (const line of parts) {
      if (line === SAMPLE_MARK) {
        this.lines = [];
        continue;
      }
      if (!this.lines) continue;
      const end = END_LINE.exec(line);
      if (end) {
        // The command's last line may lack its newline: then the marker shares that line.
        done.push({ stdout: this.lines.map((l) => `${l}\n`).join("") + end[1], exitCode: Number(end[2]) });
        this.lines = undefined;
      } else this.lines.push(line);
    }
    return done;
  }
}
