import { shellQuote } from "../transport/index.ts";

/** Line that opens one record of a {@link streamLoop}. */
export const SAMPLE_MARK = "@@haproof-sample";
/** Prefix of the line that closes one record, followed by the command's exit code. */
export const END_MARK = "@@haproof-end";

/**
 * A bash script that runs `argv` forever, every `periodMs` after the last run ended (each run killed after
 * `timeoutMs` when given, by coreutils `timeout`: exit 124, so a hung run does not stall the loop), printing each run's stdout
 * between {@link SAMPLE_MARK} and `END_MARK <exit code>` lines (stderr and stdin cut off, so the record is what
 * the one-shot reader parses). It ends itself once its stream is gone, since Docker does not kill an exec whose
 * client left: it waits out the period in `read -t` on its stdin, which `Host.stream` holds open, so EOF
 * there (the stream stopped or cut) ends it at once, or after the run in progress; and a marker's echo to a
 * closed stdout (EPIPE, or SIGPIPE killing bash) ends it at its next print. Pure.
 */
export function streamLoop(argv: readonly string[], periodMs: number, timeoutMs?: number): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3).replace(/\.?0+$/, "");
  const wait = seconds(periodMs);
  const cmd = shellQuote(timeoutMs ? ["timeout", "-k", "1", seconds(timeoutMs), ...argv] : argv);
  // read -t: status > 128 when the period passed; 1 at EOF (and 0 for input, never sent): then stop.
  return `while :; do echo ${SAMPLE_MARK} || exit 0; ${cmd} </dev/null 2>/dev/null; echo "${END_MARK} $?" || exit 0; read -r -t ${wait} _; [ $? -gt 128 ] || exit 0; done`;
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
