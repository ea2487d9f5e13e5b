import type { ExecOptions, ExecResult, Host, StreamHandle } from "../transport/index.ts";
import { HAPROXY_ADMIN_SOCKET } from "./lb-status.ts";

type Word = string | RegExp;

const name = /^[A-Za-z0-9_.:@-]+$/;
/** SQL that only reads: one SHOW or SELECT statement, no statement separator, no INTO (no OUTFILE, no variables). */
const readSql = /^\s*(SHOW|SELECT)\b(?![^;]*\bINTO\b)[^;]*;?\s*$/is;

/**
 * The commands the status readers run, as argv patterns (each word a literal or a regex, the lengths equal).
 * Only these may run on an operator's host during a preflight.
 */
const READ_ONLY: readonly (readonly Word[])[] = [
  ["mariadb", /^--connect-timeout=\d+$/, "-N", "-B", "-e", readSql],
  ["ip", "-o", "addr", "show"],
  ["pidof", name],
  ["bash", "-c", `echo "show stat" | socat stdio ${HAPROXY_ADMIN_SOCKET}`],
  ["crm_mon", "-1", "--output-as=xml"],
  ["rabbitmqctl", "-q", "eval", "rabbit:is_running()."],
  ["rabbitmqctl", "-q", "cluster_status", "--formatter", "json"],
  ["rabbitmqctl", "-q", "list_queues", "--no-table-headers", "name", "pid", "slave_pids", "synchronised_slave_pids"],
  ["gluster", "--mode=script", "peer", "status", "--xml"],
  ["gluster", "--mode=script", "volume", "status", name, "--xml"],
  ["gluster", "--mode=script", "volume", "heal", name, "info"],
  ["journalctl", "--no-pager", "-n", /^\d+$/],
];

const wordMatches = (w: Word, a: string) => (typeof w === "string" ? w === a : w.test(a));

/** Whether `cmd` is one of the status readers' read-only commands (argv form; a script string never is). Pure. */
export function isReadOnlyCommand(cmd: string | readonly string[]): boolean {
  if (typeof cmd === "string") return false;
  return READ_ONLY.some((p) => p.length === cmd.length && p.every((w, i) => wordMatches(w, cmd[i]!)));
}

/** A command refused by a {@link ReadOnlyHost}: it is not on the read-only list. */
export class NotReadOnlyError extends Error {
  constructor(
    readonly host: string,
    readonly command: string,
  ) {
    super(`${host}: refused "${command}": not a read-only status command (a preflight changes nothing)`);
    this.name = "NotReadOnlyError";
  }
}

/**
 * A Host that only lets the status readers' read-only commands through to `inner` and refuses everything else,
 * writes included, before it reaches the host: what `site check` runs an operator's hosts through.
 */
export class ReadOnlyHost implements Host {
  /** Every command passed through, in order (for the preflight's record). */
  readonly ran: string[] = [];

  constructor(private readonly inner: Host) {}

  get name(): string {
    return this.inner.name;
  }
  get role(): string {
    return this.inner.role;
  }
  get ip(): string {
    return this.inner.ip;
  }

  /** Runs `cmd` on the inner host when it is read-only; throws NotReadOnlyError otherwise (nothing is sent). */
  exec(cmd: string | string[], opts?: ExecOptions): Promise<ExecResult> {
    const shown = typeof cmd === "string" ? cmd : cmd.join(" ");
    if (!isReadOnlyCommand(cmd) || opts?.user) return Promise.reject(new NotReadOnlyError(this.name, shown));
    this.ran.push(shown);
    return this.inner.exec(cmd, opts);
  }

  /** Always refused (a script is never on the list; a preflight samples nothing): `ended` says so at once, nothing is sent. */
  stream(script: string): StreamHandle {
    const ended = Promise.resolve({ exitCode: null, error: new NotReadOnlyError(this.name, script).message });
    return { ended, stop: async () => void (await ended) };
  }

  /** Always refused: a preflight writes nothing. */
  writeFile(path: string): Promise<void> {
    return Promise.reject(new NotReadOnlyError(this.name, `write ${path}`));
  }

  /** Reads through (reading changes nothing). */
  readFile(path: string): Promise<string> {
    return this.inner.readFile(path);
  }

  /** Reads through. */
  logs(tail?: number): Promise<string> {
    return this.inner.logs(tail);
  }
}
