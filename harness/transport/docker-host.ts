import { PassThrough } from "node:stream";
import { pack } from "tar-stream";
import { dirname, basename } from "node:path";
import type Docker from "dockerode";
import { CommandError } from "./command-error.ts";
import { ExecGate } from "./exec-gate.ts";
import type { ExecOptions, ExecResult, Host, StreamEnd, StreamHandle } from "./host.ts";

/** A {@link Host} backed by a Docker container through dockerode (works for containers started by an earlier process too). */
export class DockerHost implements Host {
  /** Shared with the Docker power driver: a pause waits for this host's execs in flight, and new execs wait for the pause. */
  readonly gate = new ExecGate();

  constructor(
    readonly name: string,
    readonly role: string,
    readonly ip: string,
    readonly containerId: string,
    private readonly client: Docker,
  ) {}

  /** Runs a command; see {@link Host.exec}. Waits while a pause or unpause of this host is being applied. */
  exec(cmd: string | string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return this.gate.pass(() => this.run(cmd, opts));
  }

  private async run(cmd: string | string[], opts: ExecOptions): Promise<ExecResult> {
    const argv = typeof cmd === "string" ? ["bash", "-c", cmd] : cmd;
    const shown = typeof cmd === "string" ? cmd : cmd.join(" ");
    const container = this.client.getContainer(this.containerId);
    const exec = await container.exec({ Cmd: argv, AttachStdout: true, AttachStderr: true, User: opts.user });
    const stream = await exec.start({ hijack: true, stdin: false });
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
    out.on("data", (c: Buffer) => chunks.out.push(c));
    err.on("data", (c: Buffer) => chunks.err.push(c));
    this.client.modem.demuxStream(stream, out, err);
    const done = new Promise<void>((resolve, reject) => {
      stream.on("end", resolve);
      stream.on("close", resolve);
      stream.on("error", reject);
    });
    if (opts.timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          stream.destroy();
          reject(new CommandError(this.name, shown, -1, `timed out after ${opts.timeoutMs} ms`));
        }, opts.timeoutMs);
      });
      try {
        await Promise.race([done, timeout]);
      } catch (e) {
        if (opts.allowFail && e instanceof CommandError) return { exitCode: -1, stdout: "", stderr: e.stderr };
        throw e;
      } finally {
        clearTimeout(timer);
      }
    } else await done;
    const { ExitCode } = await exec.inspect();
    const result = { exitCode: ExitCode ?? -1, stdout: Buffer.concat(chunks.out).toString(), stderr: Buffer.concat(chunks.err).toString() };
    if (result.exitCode !== 0 && !opts.allowFail) throw new CommandError(this.name, shown, result.exitCode, result.stderr, result.stdout);
    return result;
  }

  /**
   * Streams `bash -c <script>`'s stdout; see {@link Host.stream}. Only the exec's setup passes the gate (a pause
   * waits for that, never for the stream, which does not finish): a paused container's stream just goes silent.
   * stop() destroys the hijacked stream, which does not kill the command in the container (dockerd keeps it
   * running, discarding its output) but does close its stdin (exec's CloseStdin): the script must end at that EOF.
   * An exec the container refuses (stopped, paused) resolves `ended` with the error.
   */
  stream(script: string, onStdout: (chunk: string) => void): StreamHandle {
    const stop = new AbortController();
    const ended = this.runStream(script, onStdout, stop.signal).catch((e: unknown): StreamEnd => ({ exitCode: null, error: e instanceof Error ? e.message : String(e) }));
    return {
      ended,
      stop: async () => {
        stop.abort();
        await ended;
      },
    };
  }

  private async runStream(script: string, onStdout: (chunk: string) => void, signal: AbortSignal): Promise<StreamEnd> {
    const aborted = new Promise<"stopped">((resolve) => signal.addEventListener("abort", () => resolve("stopped"), { once: true }));
    const setup = this.gate.pass(async () => {
      const exec = await this.client.getContainer(this.containerId).exec({ Cmd: ["bash", "-c", script], AttachStdin: true, AttachStdout: true, AttachStderr: false });
      return { exec, stream: await exec.start({ hijack: true, stdin: true }) };
    });
    const opened = await Promise.race([setup, aborted]);
    if (opened === "stopped") {
      // Set up after stop(): cut it as soon as it exists.
      setup.then(
        (o) => o.stream.destroy(),
        () => undefined,
      );
      return { exitCode: null, error: "stopped" };
    }
    const { exec, stream } = opened;
    const out = new PassThrough();
    out.setEncoding("utf8");
    out.on("data", onStdout);
    this.client.modem.demuxStream(stream, out, new PassThrough().resume());
    const cut = await Promise.race([
      new Promise<string | undefined>((resolve) => {
        stream.on("end", () => resolve(undefined));
        stream.on("close", () => resolve(undefined));
        stream.on("error", (e: Error) => resolve(e.message));
      }),
      aborted,
    ]);
    if (cut === "stopped") {
      stream.destroy();
      return { exitCode: null, error: "stopped" };
    }
    const exitCode = await exec.inspect().then(
      (i) => i.ExitCode ?? null,
      () => null,
    );
    return cut ? { exitCode, error: cut } : { exitCode };
  }

  /** Writes a file through the Docker archive API; creates parent directories. */
  async writeFile(path: string, content: string, mode = 0o644): Promise<void> {
    await this.exec(["mkdir", "-p", dirname(path)]);
    const tar = pack();
    tar.entry({ name: basename(path), mode }, content);
    tar.finalize();
    await this.gate.pass(() => this.client.getContainer(this.containerId).putArchive(tar as unknown as NodeJS.ReadableStream, { path: dirname(path) }));
  }

  /** Reads a file with cat; throws CommandError if it cannot. */
  async readFile(path: string): Promise<string> {
    return (await this.exec(["cat", path])).stdout;
  }

  /** The last `tail` lines of the container's output (its boot log included). Read-only. */
  async logs(tail = 200): Promise<string> {
    const buf = await this.client.getContainer(this.containerId).logs({ stdout: true, stderr: true, tail });
    return buf.toString();
  }
}
