/** Result of a command run inside a host container. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Options for {@link Host.exec}. */
export interface ExecOptions {
  /** Resolve with a non-zero exit instead of throwing CommandError (a timeout resolves as exit code -1). */
  allowFail?: boolean;
  /** Give up after this many ms (the command keeps running in the container); throws CommandError unless allowFail. */
  timeoutMs?: number;
  user?: string;
}

/** One running host (container) of a topology, as formation, faults and probes see it. */
export interface Host {
  /** Host name, also its DNS alias and container hostname (e.g. "vm-1"). */
  readonly name: string;
  /** Role from the topology (e.g. "datahost", "lb", "gluster", "controller"). */
  readonly role: string;
  /** Its address on the topology network. */
  readonly ip: string;
  /** Docker container id. */
  readonly containerId: string;
  /** Runs `bash -lc <script>` (string) or argv (array); throws CommandError on non-zero exit unless allowFail. */
  exec(cmd: string | string[], opts?: ExecOptions): Promise<ExecResult>;
  /** Writes `content` to `path` in the container (mode 0644 unless given), creating parent dirs. */
  writeFile(path: string, content: string, mode?: number): Promise<void>;
  /** Reads a file from the container; throws CommandError if absent. */
  readFile(path: string): Promise<string>;
}
