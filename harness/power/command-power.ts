import { execFile } from "node:child_process";
import type { Power, PowerState } from "./power.ts";

/** The outcome of one local power command. */
export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a power command on the machine running haproof (never on the site's hosts): argv, extra environment, a bound. */
export type PowerRunner = (argv: readonly string[], env: Readonly<Record<string, string>>, timeoutMs: number) => Promise<RunResult>;

/** A local runner through child_process.execFile; a timeout or a missing tool resolves with a non-zero exit. */
export const execRunner: PowerRunner = (argv, env, timeoutMs) =>
  new Promise((resolve) => {
    execFile(argv[0]!, argv.slice(1), { env: { ...process.env, ...env }, timeout: timeoutMs, encoding: "utf8" }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 127) : 0;
      resolve({ exitCode: code, stdout, stderr: stderr || (err && code === 127 ? err.message : "") });
    });
  });

/** How one host's power is switched: the argv of each action (absent: the driver cannot do it) and how to read its state. */
export interface PowerCommands {
  /** Describes the driver in errors, e.g. "ipmi 10.0.0.5". */
  readonly driver: string;
  readonly off: readonly string[];
  /** A graceful shutdown; absent: only a hard off is possible. */
  readonly soft?: readonly string[];
  readonly on: readonly string[];
  readonly suspend?: readonly string[];
  readonly resume?: readonly string[];
  readonly status: readonly string[];
  /** The state from the status command's stdout. */
  parseStatus(stdout: string): PowerState;
  /** Environment for every command (secrets go here, never into argv). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A power action the host's driver cannot carry out, or that failed; names the host, the driver and the reason. */
export class PowerError extends Error {
  constructor(
    readonly host: string,
    readonly action: string,
    reason: string,
  ) {
    super(`power ${action} ${host}: ${reason}`);
    this.name = "PowerError";
  }
}

const BOUND_MS = 60_000;

/**
 * {@link Power} through local commands per host (IPMI, libvirt, or an operator's own), run by `runner`. A graceful
 * stop waits up to `timeoutS` for the host to report off, then cuts the power. A host with no commands, or an
 * action its driver lacks (a pause without suspend), throws PowerError; nothing is attempted.
 */
export class CommandPower implements Power {
  constructor(
    private readonly hosts: Readonly<Record<string, PowerCommands>>,
    private readonly runner: PowerRunner = execRunner,
    private readonly pollMs = 1000,
  ) {}

  async kill(host: string): Promise<void> {
    await this.act(host, "kill", (c) => c.off);
  }

  async stop(host: string, timeoutS = 30): Promise<void> {
    const c = this.commands(host, "stop");
    if ((await this.state(host)) !== "running") return;
    if (!c.soft) return this.kill(host);
    await this.act(host, "stop", () => c.soft);
    const until = Date.now() + timeoutS * 1000;
    while (Date.now() < until) {
      if ((await this.state(host)) !== "running") return;
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
    await this.kill(host);
  }

  async start(host: string): Promise<void> {
    const s = await this.state(host);
    if (s === "paused") return this.unpause(host);
    if (s !== "running") await this.act(host, "start", (c) => c.on);
  }

  async pause(host: string): Promise<void> {
    await this.act(host, "pause", (c) => c.suspend);
  }

  async unpause(host: string): Promise<void> {
    if ((await this.state(host)) === "paused") await this.act(host, "unpause", (c) => c.resume);
  }

  async state(host: string): Promise<PowerState> {
    const c = this.commands(host, "state");
    const r = await this.runner(c.status, c.env ?? {}, BOUND_MS);
    return r.exitCode === 0 ? c.parseStatus(r.stdout) : "missing";
  }

  private commands(host: string, action: string): PowerCommands {
    const c = this.hosts[host];
    if (!c) throw new PowerError(host, action, "the host has no power driver (power: none)");
    return c;
  }

  private async act(host: string, action: string, pick: (c: PowerCommands) => readonly string[] | undefined): Promise<void> {
    const c = this.commands(host, action);
    const argv = pick(c);
    if (!argv) throw new PowerError(host, action, `${c.driver} cannot ${action} a host`);
    const r = await this.runner(argv, c.env ?? {}, BOUND_MS);
    if (r.exitCode !== 0) throw new PowerError(host, action, `${c.driver}: ${argv[0]} exited ${r.exitCode}: ${r.stderr.trim().split("\n").at(-1) ?? ""}`);
  }
}
