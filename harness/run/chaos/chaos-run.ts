import { mkdirSync, writeFileSync } from "node:fs";
import type { Site } from "../../site/index.ts";
import { join, relative } from "node:path";
import { setTimeout as holdFor } from "node:timers/promises";
import pRetry from "p-retry";
import { formatSchedule, generateCommand, replayCommand, scheduleJson, scheduleProblems, ScheduleError, stepText, type Schedule, type Step } from "../../chaos/index.ts";
import { healAll, UnsupportedFaultError, type FaultHandle } from "../../faults/index.ts";
import { keystoneEndpoints } from "../../observe/index.ts";
import type { RunSummary } from "../../report/index.ts";
import { rabbitSampler, ScenarioRun, settleDataClients, until, type Clients } from "../index.ts";
import { AVAILABILITY_CHECK, availabilityMetrics, chaosChecks, CONVERGE_MS, type ChaosThresholds } from "./chaos-checks.ts";
import { NoLiveTargetError, resolveTarget } from "./resolve-target.ts";
import { revalidatePreFaultTokens } from "./revalidate-tokens.ts";
import { stepFault } from "./step-fault.ts";

/** What happened to one step: injected (proved effective), skipped (unsupported here, or no live target), or failed to apply after retries. */
export interface StepOutcome {
  index: number;
  kind: Step["kind"];
  hosts: string[];
  outcome: "injected" | "unsupported" | "no-target" | "failed";
  reason?: string;
  /** When it was injected, ms after the chaos phase began (later than atMs when recovery waits shifted it). */
  startedMs?: number;
}

/** Options of {@link runChaos}. */
export interface ChaosRunOptions extends ChaosThresholds {
  /** Prints the schedule and the replay hint; default console.log. */
  print?: (text: string) => void;
}

/** A finished chaos run: its summary (verdict, checks, metrics), the saved schedule file, and each step's outcome. */
export interface ChaosResult {
  summary: RunSummary;
  scheduleFile: string;
  outcomes: StepOutcome[];
}

/**
 * Runs `schedule` on the running topology while every probe runs (MySQL writes, AMQP publish and
 * consume, Keystone, Glance, VIP/wsrep/placement/RabbitMQ samplers), all into one history.
 * Low intensity: one step at a time; after each heal it waits until the topology is healthy and
 * shifts later steps by that wait, so every quiet period starts healthy. High: steps start at
 * their atMs and may overlap. At the end it heals everything, waits healthy (bounded), drains the
 * queue, reads every Galera node, and judges the whole history. Writes reports/<run>/schedule.json.
 * A step that cannot apply (netem on this kernel, no VIP holder) is recorded and skipped, not a crash;
 * one that still fails after its retries is recorded as failed and makes the run unknown.
 */
export async function runChaos(running: Site, schedule: Schedule, opts: ChaosRunOptions = {}): Promise<ChaosResult> {
  const print = opts.print ?? console.log;
  const problems = scheduleProblems(schedule, running.topology);
  if (problems.length) throw new ScheduleError(`schedule for seed ${schedule.seed}`, problems);
  print(formatSchedule(schedule));
  const run = await ScenarioRun.begin("chaos", running);
  mkdirSync(run.dir, { recursive: true });
  const scheduleFile = join(run.dir, "schedule.json");
  writeFileSync(scheduleFile, scheduleJson(schedule));
  const shownFile = relative(process.cwd(), scheduleFile);
  run.log(`schedule saved to ${shownFile}`);
  run.record({ kind: "chaos-schedule" }, { seed: schedule.seed, intensity: schedule.intensity, durationMs: schedule.durationMs, faults: schedule.faults, steps: schedule.steps.length });

  const stamp = Date.now();
  const table = `chaos_${stamp}`;
  const data = running.hostsOf("datahost").map((h) => h.name);
  const sampler = rabbitSampler(running, run.history);
  const outcomes: StepOutcome[] = [];
  const owedRestarts = new Set<() => Promise<void>>();
  let chaosMs = 0;

  const healEverything = () =>
    run.step("heal every fault and restart every killed process", async () => {
      const undone = await healAll(running);
      for (const restart of owedRestarts) await restart();
      owedRestarts.clear();
      if (undone.length) run.log(`healed: ${undone.join("; ")}`);
    });

  /** Injects step `i`, holds it until `untilMs` after t0, heals it; records the outcome. */
  const playStep = async (step: Step, i: number, t0: number, untilMs: () => number) => {
    const o: StepOutcome = { index: i, kind: step.kind, hosts: [], outcome: "injected" };
    outcomes.push(o);
    run.log(`step ${i + 1}/${schedule.steps.length}: ${stepText(step)}`);
    let handle: FaultHandle | undefined;
    let restart: (() => Promise<void>) | undefined;
    try {
      o.hosts = await resolveTarget(running, step.target);
      if (step.target.pick !== "hosts") run.log(`step ${i + 1}: ${step.target.label} is ${o.hosts.join(", ")}`);
      const sf = stepFault(step, o.hosts, running);
      restart = sf.restart;
      if (restart) owedRestarts.add(restart);
      o.startedMs = Math.round(performance.now() - t0);
      // Retry policy: 2 more attempts, 1 s then 2 s later, for anything but "unsupported here". A
      // failed attempt is recorded and undone by the fault itself; runc's "unable to freeze" under
      // I/O load and a process caught mid-restart are transient.
      handle = await pRetry(() => run.inject(sf.fault), { retries: 2, minTimeout: 1000, factor: 2, shouldRetry: ({ error }) => !(error instanceof UnsupportedFaultError) });
    } catch (e) {
      o.outcome = e instanceof UnsupportedFaultError ? "unsupported" : e instanceof NoLiveTargetError ? "no-target" : "failed";
      o.reason = (e as Error).message.slice(0, 300);
      run.log(`step ${i + 1} ${o.outcome}: ${o.reason}`);
    }
    run.record({ kind: "chaos-step" }, o);
    // The hold is the fault's length, the thing the schedule prescribes: a timed wait, not a wait for a condition.
    await holdFor(Math.max(0, t0 + untilMs() - performance.now()));
    if (restart) {
      await restart();
      owedRestarts.delete(restart);
    }
    await handle?.heal();
  };

  let clients: Clients | undefined;
  await run.perform(async () => {
    clients = await run.clients({ mysql: { table }, amqp: { queue: `haproof-chaos-${stamp}` }, keystone: true, glance: true, vips: true, wsrep: true, placement: true });
    sampler.start();
    const t0 = performance.now();
    try {
      if (schedule.intensity === "low") {
        let shiftMs = 0;
        for (const [i, step] of schedule.steps.entries()) {
          await holdFor(Math.max(0, t0 + step.atMs + shiftMs - performance.now()));
          const startShift = Math.max(shiftMs, Math.round(performance.now() - t0 - step.atMs));
          await playStep(step, i, t0, () => step.atMs + startShift + step.holdMs);
          await run.untilHealthy();
          shiftMs = Math.max(startShift, Math.round(performance.now() - t0 - step.atMs - step.holdMs));
        }
      } else {
        const plays = schedule.steps.map(async (step, i) => {
          await holdFor(Math.max(0, t0 + step.atMs - performance.now()));
          await playStep(step, i, t0, () => step.atMs + step.holdMs);
        });
        const settled = await Promise.allSettled(plays);
        const crash = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
        if (crash) throw crash.reason;
      }
      chaosMs = Math.round(performance.now() - t0);
    } finally {
      await healEverything();
    }
    await run.untilHealthy();
    await run.until(until.rabbitConverged(run.history, data), CONVERGE_MS);
    await settleDataClients(run, running, clients, table);
    await run.until(until.steadyOk(run.history, ["keystone", "glance"]));
    await clients.stop(["keystone"]);
    await revalidatePreFaultTokens(run, keystoneEndpoints(running).keystoneBase);
  });
  await sampler.stop();

  const summary = await run.finish(chaosChecks(running.topology, opts), (v) => ({
    seed: schedule.seed,
    "faults.scheduled": schedule.steps.length,
    "faults.injected": outcomes.filter((o) => o.outcome === "injected").length,
    "faults.skipped": outcomes.filter((o) => o.outcome === "unsupported" || o.outcome === "no-target").length,
    "faults.failed": outcomes.filter((o) => o.outcome === "failed").length,
    "chaos.ms": chaosMs,
    ...availabilityMetrics(v[AVAILABILITY_CHECK]),
  }));
  if (summary.verdict !== "pass") {
    print(`chaos ${summary.verdict}: seed ${schedule.seed}\n  replay this schedule: ${replayCommand(shownFile)}\n  draw it again:        ${generateCommand(schedule)}`);
  }
  return { summary, scheduleFile, outcomes };
}
