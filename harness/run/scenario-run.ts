import { join } from "node:path";
import type { Site } from "../site/index.ts";
import { healAll, type Fault, type FaultHandle } from "../faults/index.ts";
import { kindOf, waitHealthy } from "../kinds/index.ts";
import { completedOps, History, type Subject } from "../history/index.ts";
import { REPORTS_DIR, finishReport, startProgress, type Progress, type RunSummary } from "../report/index.ts";
import { ConvergenceTimeoutError, waitFor } from "../wait/index.ts";
import type { ClientSpec, Clients } from "./clients.ts";
import { CLIENT_SETS } from "./client-sets.ts";
import { judgeChecks, type Checks, type MetricsOf } from "./judge-checks.ts";
import type { Condition } from "./until.ts";
import type { AnyTopology } from "../../topologies/index.ts";

/**
 * One scenario execution on a running topology: a fresh history (reports/<id>/history.jsonl),
 * a verified-healthy start, clients, faults, named waits, and at the end checks -> summary ->
 * report. Every step is recorded as a phase in the history.
 */
export class ScenarioRun {
  readonly history: History;
  readonly dir: string;
  readonly id: string;
  private readonly startedAt = new Date();
  private readonly t0 = performance.now();
  private clientSet?: Clients;
  private crash?: string;
  private readonly injected: FaultHandle[] = [];
  private readonly progress: Progress;

  private constructor(
    readonly name: string,
    readonly running: Site<AnyTopology>,
  ) {
    this.id = `${name}-${this.startedAt.toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-")}`;
    this.dir = join(REPORTS_DIR, this.id);
    this.history = new History({ file: join(this.dir, "history.jsonl") });
    // A refreshing status line on a terminal; none in CI, where log() already prints each phase.
    this.progress = startProgress(this.history, { label: name, mode: process.stdout.isTTY && !process.env.CI ? "tty" : "off" });
  }

  /** Heals anything left from an earlier run, verifies the topology healthy, and opens the run. */
  static async begin(name: string, running: Site<AnyTopology>): Promise<ScenarioRun> {
    const run = new ScenarioRun(name, running);
    await run.step("verified healthy start", async () => {
      await healAll(running);
      await waitHealthy(running);
    });
    return run;
  }

  /**
   * Runs the scenario's runbook. A throw (a wait that timed out, a fault that could not be
   * applied) is recorded as a harness crash: every fault is healed, and finish() then reports
   * the run as unknown, never as a pass.
   */
  async perform(runbook: () => Promise<void>): Promise<void> {
    try {
      await runbook();
    } catch (e) {
      this.crash = e instanceof Error ? e.message : String(e);
      this.history.phase("harness crash", "error", { error: this.crash });
      this.log(`harness crash: ${this.crash}; healing every fault`);
      // Each handle's heal is idempotent and records its heal event, so checks still see the fault window.
      for (const h of this.injected) await h.heal().catch(() => undefined);
      await healAll(this.running).catch(() => undefined);
    }
  }

  /** Prints a progress line and records it as a phase. */
  log(text: string): void {
    console.log(`[${((performance.now() - this.t0) / 1000).toFixed(1).padStart(6)}s] ${this.name}: ${text}`);
  }

  /** Runs `fn` as a named phase (begin/end/error in the history, a console line each). */
  async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.history.phase(name, "begin");
    this.progress.phase(name);
    this.log(`▶ ${name}`);
    try {
      const r = await fn();
      this.history.phase(name, "end");
      return r;
    } catch (e) {
      this.history.phase(name, "error", { error: String(e) });
      this.log(`✗ ${name}: ${(e as Error).message}`);
      throw e;
    }
  }

  /** Starts the clients of `spec` and waits until each op-issuing client has `baselineOk` successes. */
  async clients(spec: ClientSpec, baselineOk = 10): Promise<Clients> {
    this.clientSet = await this.step("start clients", () => CLIENT_SETS[kindOf(this.running.topology).name](this.running, this.history, spec));
    const processes = this.clientSet.probes.map((p) => p.name).filter((n) => !["vip-owner", "wsrep", "placement", "amqp-consume"].includes(n));
    await this.until(
      `a baseline of ${baselineOk} ok ops per client`,
      () => processes.every((p) => completedOps(this.history.events(), { process: p }).filter((o) => o.type === "ok").length >= baselineOk),
      60_000,
    );
    return this.clientSet;
  }

  /** Injects `fault` (proved effective before this returns). */
  async inject(fault: Fault): Promise<FaultHandle> {
    const handle = await this.step(`inject ${fault.name} on ${fault.targets.join(", ")}`, () => fault.inject(this.running, this.history));
    this.injected.push(handle);
    return handle;
  }

  /** Waits for the named `condition` within `timeoutMs` (else its own bound, else 120 s), as a named phase; returns the probe's value. */
  until<T>(condition: Condition<T>, timeoutMs?: number): Promise<T>;
  /** Waits for `condition` with an explicit bound (default 120 s), as a named phase; returns the probe's value. */
  until<T>(condition: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs?: number): Promise<T>;
  until<T>(condition: string | Condition<T>, probeOrMs?: number | (() => Promise<T | undefined | false> | T | undefined | false), ms?: number): Promise<T> {
    const c = asCondition(condition, probeOrMs, ms);
    return this.step(`until ${c.name}`, () => waitFor(c.name, c.probe, { timeoutMs: c.timeoutMs, intervalMs: 250 }));
  }

  /**
   * Waits for `condition` like {@link until}, but a timeout is an observation, not a harness crash: it is logged,
   * recorded as a `wait-timeout` sample naming the condition, and the runbook goes on (to heal), leaving the
   * verdict to the checks. For waits on the very behaviour a negative control removes (a failover, a mirror):
   * under the mutation it never comes, and the run must still reach its end for the control to count.
   * Any other error still crashes the run. Returns the probe's value, or undefined on timeout.
   */
  observe<T>(condition: Condition<T>, timeoutMs?: number): Promise<T | undefined>;
  observe<T>(condition: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number): Promise<T | undefined>;
  async observe<T>(condition: string | Condition<T>, probeOrMs?: number | (() => Promise<T | undefined | false> | T | undefined | false), ms?: number): Promise<T | undefined> {
    const { name: c, probe, timeoutMs } = asCondition(condition, probeOrMs, ms);
    try {
      return await this.until(c, probe, timeoutMs);
    } catch (e) {
      if (!(e instanceof ConvergenceTimeoutError)) throw e;
      this.record({ kind: "wait-timeout" }, { condition: c, timeoutMs });
      this.log(`${c}: not within ${(timeoutMs / 1000).toFixed(0)} s; going on, the checks judge it`);
      return undefined;
    }
  }

  /** Waits until the whole topology is healthy again (after heal). */
  untilHealthy(): Promise<unknown> {
    return this.step("until healthy again", () => waitHealthy(this.running));
  }

  /** Records `subject` = `value` as a sample (final reads, drained queues...). */
  record(subject: Subject, value: unknown): void {
    this.history.sample(subject, value);
  }

  /**
   * Stops the clients, runs every check on the history, keyed by requirement id (a throwing check, or an id that is
   * no requirement of this scenario, is unknown), takes each requirement row's metric from its check's verdict and
   * the rest from `metrics` (a throwing metrics function adds an unknown "metrics recorded" check), writes
   * summary.json, the timeline and the Allure attachments, prints the table, returns the summary.
   */
  async finish<C extends Checks>(checks: C, metrics?: MetricsOf<C>): Promise<RunSummary> {
    await this.clientSet?.stop();
    this.progress.stop();
    const events = this.history.events();
    const judged = judgeChecks(this.name, checks, events, { crash: this.crash, metrics });
    if (judged.metricsError) this.log(`metrics failed: ${judged.metricsError}`);
    this.history.close();
    this.log("▶ writing the report");
    return finishReport({
      dir: this.dir,
      runId: this.id,
      scenario: this.name,
      topology: this.running.topology.name,
      startedAt: this.startedAt.toISOString(),
      durationMs: Math.round(performance.now() - this.t0),
      verdicts: judged.checks,
      metrics: judged.metrics,
      events,
      standIns: kindOf(this.running.topology).standIns(this.running.topology),
      mutations: this.running.topology.mutations,
      running: this.running,
    });
  }
}

type Probe<T> = () => Promise<T | undefined | false> | T | undefined | false;

/** The one shape of both call forms: a name, a probe, and the bound that applies (call site, then condition, then 120 s). */
function asCondition<T>(condition: string | Condition<T>, probeOrMs: number | Probe<T> | undefined, ms: number | undefined): { name: string; probe: Probe<T>; timeoutMs: number } {
  if (typeof condition === "string") return { name: condition, probe: probeOrMs as Probe<T>, timeoutMs: ms ?? 120_000 };
  return { name: condition.name, probe: condition.probe, timeoutMs: (probeOrMs as number | undefined) ?? condition.timeoutMs ?? 120_000 };
}
