/** Result of a command run on a host. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Options for {@link Host.exec}. */
export interface ExecOptions {
  /** Resolve with a non-zero exit instead of throwing CommandError (a timeout resolves as exit code -1). */
  allowFail?: boolean;
  /** Give up after this many ms (the command keeps running on the host); throws CommandError unless allowFail. */
  timeoutMs?: number;
  user?: string;
}

/** How a {@link Host.stream} ended: the command's exit code (null when unknown, e.g. the stream was cut), and why it could not run or was cut. */
export interface StreamEnd {
  exitCode: number | null;
  error?: string;
}

/** A long-lived command started by {@link Host.stream}. */
export interface StreamHandle {
  /** Cuts the stream and stops the command (see {@link Host.stream}); resolves once `ended` has; idempotent. */
  stop(): Promise<void>;
  /** Resolves (never rejects) when the command exits, the stream is cut or stop() is called, or it could not start. */
  readonly ended: Promise<StreamEnd>;
}

/**
 * One running host of a site, as formation, faults and probes see it. Every command run on, file
 * read from or file written to a host goes through it, whatever the transport (docker exec, ssh).
 */
export interface Host {
  /** Host name, also its DNS alias and hostname (e.g. "vm-1"). */
  readonly name: string;
  /** Role from the topology (e.g. "datahost", "lb", "gluster", "controller"). */
  readonly role: string;
  /** Its address on the topology network. */
  readonly ip: string;
  /** Runs `bash -c <script>` (string) or argv (array); throws CommandError on non-zero exit unless allowFail. */
  exec(cmd: string | string[], opts?: ExecOptions): Promise<ExecResult>;
  /**
   * Runs `bash -c <script>` long-lived, handing its stdout to `onStdout` as it arrives (stderr is dropped),
   * until it exits or stop() is called. Never throws: a host that cannot run it resolves `ended` with an error.
   * The script's stdin stays open, silent, while the stream runs and reaches EOF once it is stopped or cut.
   * Cutting the stream does not by itself kill the command (Docker keeps an exec running when its client goes),
   * so a stream script must end itself at that EOF (see probes' `streamLoop`).
   */
  stream(script: string, onStdout: (chunk: string) => void): StreamHandle;
  /** Writes `content` to `path` on the host (mode 0644 unless given), creating parent dirs. */
  writeFile(path: string, content: string, mode?: number): Promise<void>;
  /** Reads a file from the host; throws CommandError if absent. */
  readFile(path: string): Promise<string>;
  /** The last `tail` lines of the host's console output (Docker: the container's stdout/stderr). Read-only. */
  logs(tail?: number): Promise<string>;
}
