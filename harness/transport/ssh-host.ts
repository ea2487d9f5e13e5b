import { type ClientChannel, Client, type ConnectConfig } from "ssh2";
import { CommandError } from "./command-error.ts";
import type { ExecOptions, ExecResult, Host, StreamEnd, StreamHandle } from "./host.ts";
import { shellQuote } from "./shell-quote.ts";

/** How to reach one host over SSH. The host key is always verified: pinned here, never skipped. */
export interface SshTarget {
  readonly name: string;
  readonly role: string;
  /** Address haproof connects to (and the host's address on its network). */
  readonly ip: string;
  readonly port?: number;
  readonly user: string;
  /** Private key (PEM/OpenSSH text); absent: the SSH agent at `agent`. */
  readonly privateKey?: string;
  /** Path of the SSH agent socket (`SSH_AUTH_SOCK`). */
  readonly agent?: string;
  /** The host's public key as in known_hosts: "ssh-ed25519 AAAA…". A different key refuses the connection. */
  readonly hostKey: string;
  /** Run every command through `sudo -n` (root without a password prompt). */
  readonly sudo?: boolean;
  /** Bound on connecting and authenticating; default 10 s. */
  readonly connectTimeoutMs?: number;
  /** SSH keepalive interval; default 5 s (three missed keepalives drop the connection). */
  readonly keepaliveIntervalMs?: number;
}

/** The SSH connection to a host failed: unreachable, refused, wrong host key or failed authentication. */
export class SshError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    reason: string,
  ) {
    super(`ssh ${host} (${address}): ${reason}`);
    this.name = "SshError";
  }
}

/** The base64 key blob of a known_hosts-style key ("<type> <base64> [comment]"); throws on a malformed one. Pure. */
export function hostKeyBlob(hostKey: string): Buffer {
  const [type, b64] = hostKey.trim().split(/\s+/);
  if (!type || !b64 || !/^[A-Za-z0-9+/]+=*$/.test(b64)) throw new Error(`not a "<type> <base64>" host key: ${hostKey.slice(0, 40)}`);
  return Buffer.from(b64, "base64");
}

/**
 * A {@link Host} reached over SSH (ssh2): one persistent connection, opened on first use and again after it
 * drops (a killed host that came back), with exec channels multiplexed on it, keepalive, bounded connect and
 * command timeouts, and sudo when the site asks for it. {@link close} ends the connection; idempotent.
 */
export class SshHost implements Host {
  private conn: Promise<Client> | undefined;

  constructor(private readonly target: SshTarget) {}

  get name(): string {
    return this.target.name;
  }
  get role(): string {
    return this.target.role;
  }
  get ip(): string {
    return this.target.ip;
  }

  /** Runs a command; see {@link Host.exec}. A dropped connection is reopened once before the command fails. */
  async exec(cmd: string | string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return this.run(this.command(cmd, opts.user), typeof cmd === "string" ? cmd : cmd.join(" "), opts);
  }

  /**
   * Streams `bash -c <script>`'s stdout (through sudo when the site asks) on an exec channel of the shared
   * connection; see {@link Host.stream}. stop() sends EOF on its stdin and TERM (where the server honours signals),
   * and closes the channel. A failed connection resolves `ended` with its error.
   */
  stream(script: string, onStdout: (chunk: string) => void): StreamHandle {
    let stopped = false;
    let closed = false;
    let channel: ClientChannel | undefined;
    let finish!: (end: StreamEnd) => void;
    const ended = new Promise<StreamEnd>((resolve) => (finish = resolve));
    const cut = (ch: ClientChannel) => {
      if (closed) return;
      try {
        ch.end();
        ch.signal("TERM");
      } catch {
        // The channel may be gone already; closing it below is what matters.
      }
      ch.close();
    };
    const open = (client: Client) => {
      if (stopped) return finish({ exitCode: null, error: "stopped" });
      client.exec(this.command(script), (err, ch) => {
        if (err) return finish({ exitCode: null, error: `exec channel: ${err.message}` });
        let exitCode: number | null = null;
        channel = ch;
        ch.setEncoding("utf8");
        ch.on("data", onStdout);
        ch.stderr.resume();
        // A long-lived channel can fail under us (connection lost): its close, which always follows, ends the stream.
        ch.on("error", () => undefined);
        ch.on("exit", (c: number | null, signal?: string) => {
          exitCode = c ?? (signal ? 128 : null);
        });
        ch.on("close", () => {
          closed = true;
          finish(stopped ? { exitCode, error: "stopped" } : { exitCode });
        });
        // stdin stays open until stop(): its EOF is what ends a stream script.
        if (stopped) cut(ch);
      });
    };
    this.connection().then(
      (client) => {
        try {
          open(client);
        } catch (e) {
          finish({ exitCode: null, error: `exec channel: ${(e as Error).message}` });
        }
      },
      (e: Error) => finish({ exitCode: null, error: e.message }),
    );
    return {
      ended,
      stop: async () => {
        stopped = true;
        // Not open yet: end now; a channel that opens later is cut in its callback.
        if (channel) cut(channel);
        else finish({ exitCode: null, error: "stopped" });
        await ended;
      },
    };
  }

  /** Writes `content` to `path` (mode 0644 unless given), creating its directory, through the command's stdin. */
  async writeFile(path: string, content: string, mode = 0o644): Promise<void> {
    const q = shellQuote([path]);
    const dir = shellQuote([path.replace(/\/[^/]*$/, "") || "/"]);
    const script = `mkdir -p ${dir} && cat > ${q} && chmod ${mode.toString(8)} ${q}`;
    await this.run(this.command(script), `write ${path}`, {}, content);
  }

  /** Reads a file; throws CommandError when it is absent or unreadable. */
  async readFile(path: string): Promise<string> {
    return (await this.run(this.command(["cat", "--", path]), `cat ${path}`, {})).stdout;
  }

  /** The last `tail` lines of the host's journal (its console output, as far as SSH can see it). Read-only. */
  async logs(tail = 200): Promise<string> {
    const r = await this.exec(["journalctl", "--no-pager", "-n", String(tail)], { allowFail: true, timeoutMs: 20_000 });
    return r.exitCode === 0 ? r.stdout : `(no journal: ${r.stderr.trim() || `exit ${r.exitCode}`})`;
  }

  /** Ends the connection (a later command opens a new one). Idempotent. */
  async close(): Promise<void> {
    const c = this.conn;
    this.conn = undefined;
    if (c) (await c.catch(() => undefined))?.end();
  }

  private command(cmd: string | string[], user?: string): string {
    const argv = typeof cmd === "string" ? ["bash", "-c", cmd] : cmd;
    const as = user ? ["-u", user] : [];
    return shellQuote(this.target.sudo || user ? ["sudo", "-n", ...as, "--", ...argv] : argv);
  }

  private async run(command: string, shown: string, opts: ExecOptions, stdin?: string, retry = true): Promise<ExecResult> {
    const client = await this.connection();
    let r: ExecResult;
    try {
      r = await this.channel(client, command, shown, opts, stdin);
    } catch (e) {
      // The connection dropped under us (the host was killed and came back): reopen once.
      if (retry && e instanceof SshError) {
        await this.close();
        return this.run(command, shown, opts, stdin, false);
      }
      throw e;
    }
    if (r.exitCode !== 0 && !opts.allowFail) throw new CommandError(this.name, shown, r.exitCode, r.stderr);
    return r;
  }

  private channel(client: Client, command: string, shown: string, opts: ExecOptions, stdin?: string): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      client.exec(command, (err, ch) => {
        if (err) return reject(new SshError(this.name, this.ip, `exec channel: ${err.message}`));
        const out: Buffer[] = [];
        const errs: Buffer[] = [];
        let code = -1;
        let timer: NodeJS.Timeout | undefined;
        if (opts.timeoutMs) {
          timer = setTimeout(() => {
            ch.close();
            const e = new CommandError(this.name, shown, -1, `timed out after ${opts.timeoutMs} ms`);
            if (opts.allowFail) resolve({ exitCode: -1, stdout: "", stderr: e.stderr });
            else reject(e);
          }, opts.timeoutMs);
        }
        ch.on("data", (c: Buffer) => out.push(c));
        ch.stderr.on("data", (c: Buffer) => errs.push(c));
        ch.on("exit", (c: number | null, signal?: string) => {
          code = c ?? (signal ? 128 : -1);
        });
        ch.on("close", () => {
          clearTimeout(timer);
          resolve({ exitCode: code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(errs).toString("utf8") });
        });
        if (stdin !== undefined) ch.end(stdin);
        else ch.end();
      });
    });
  }

  private connection(): Promise<Client> {
    if (this.conn) return this.conn;
    // Only this attempt's own failure or close forgets it: a later connection is never dropped by a stale one.
    const forget = () => {
      if (this.conn === p) this.conn = undefined;
    };
    const p: Promise<Client> = this.connect(forget);
    this.conn = p;
    p.catch(forget);
    return p;
  }

  private connect(forget: () => void): Promise<Client> {
    const t = this.target;
    const expected = hostKeyBlob(t.hostKey);
    let keyMismatch = false;
    const config: ConnectConfig = {
      host: t.ip,
      port: t.port ?? 22,
      username: t.user,
      readyTimeout: t.connectTimeoutMs ?? 10_000,
      keepaliveInterval: t.keepaliveIntervalMs ?? 5_000,
      keepaliveCountMax: 3,
      ...(t.privateKey ? { privateKey: t.privateKey } : { agent: t.agent }),
      hostVerifier: (key: Buffer) => {
        keyMismatch = !key.equals(expected);
        return !keyMismatch;
      },
    };
    return new Promise((resolve, reject) => {
      const c = new Client();
      c.on("ready", () => resolve(c));
      c.on("error", (e: Error & { level?: string }) => {
        const why = keyMismatch ? "host key mismatch: the host offered a key other than the one pinned for it" : e.level === "client-authentication" ? `authentication as ${t.user} failed` : e.message;
        reject(new SshError(t.name, t.ip, why));
        forget();
      });
      c.on("close", forget);
      c.connect(config);
    });
  }
}
