import { Command, InvalidArgumentError, Option } from "commander";
import { randomInt } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FAULT_KINDS, generateSchedule, parseDuration, parseSchedule, ScheduleError, scheduleJson, type FaultKind, type Schedule } from "../chaos/index.ts";
import { loadTopology, type Topology } from "../../topologies/index.ts";
import { runOptionsEnv } from "../run/run-options.ts";
import { claimOwnership } from "../engine/index.ts";
import { engineAndImages } from "./engine-step.ts";
import { runVitest } from "./run-vitest.ts";
import { exitCodeFor, UsageError } from "../validation/usage-error.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SPEC = join(ROOT, "tests", "chaos.it.ts");
// netem is opt-in: many kernels (this CI host's included) have no sch_netem, and its steps would only be skipped.
const DEFAULT_FAULTS: FaultKind[] = ["kill", "stop", "pause", "process", "partition"];

const usage =
  <T>(parse: (v: string) => T) =>
  (v: string) => {
    try {
      return parse(v);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
const seedOf = usage((v) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 0xffffffff) throw new Error("expects a whole number in [0, 4294967295]");
  return n;
});
const faultsOf = usage((v) => {
  const kinds = v
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  const bad = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
  if (!kinds.length || bad.length) throw new Error(`unknown fault kinds ${bad.join(", ") || "(none given)"}; known: ${FAULT_KINDS.join(", ")}`);
  return kinds as FaultKind[];
});
const percentOf = usage((v) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new Error("expects a percentage between 0 and 100");
  return n;
});

interface Options {
  topology: string;
  seed?: number;
  duration: number;
  faults: FaultKind[];
  intensity: "low" | "high";
  replay?: string;
  keep?: boolean;
  minAvailability?: number;
  maxOutage?: number;
}

const program = new Command("chaos")
  .description("run a seeded random fault schedule on a real topology while every probe runs, then judge the whole history")
  .option("--topology <name>", "topology to run it on", "prisma")
  .option("--seed <n>", "seed of the schedule (default: a fresh random one, printed)", seedOf)
  .option("--duration <d>", "length of the fault schedule, e.g. 90s, 10m, 1h", usage(parseDuration), parseDuration("10m"))
  .option("--faults <list>", `comma-separated fault kinds (${FAULT_KINDS.join(",")})`, faultsOf, DEFAULT_FAULTS)
  .addOption(new Option("--intensity <level>", "low: one fault at a time, never a majority; high: overlaps and majorities").choices(["low", "high"]).default("low"))
  .option("--replay <file>", "replay a saved schedule (reports/<run>/schedule.json) instead of drawing one")
  .option("--keep", "leave the topology up afterwards")
  .option("--min-availability <pct>", "fail when a probe's availability falls below this (default: report only)", percentOf)
  .option("--max-outage <d>", "fail when a probe's longest outage exceeds this (default: report only)", usage(parseDuration))
  .exitOverride();

/** The schedule the options ask for; throws UsageError/ScheduleError/TopologyError (exit 2) before any container exists. */
function scheduleFor(o: Options, given: (name: string) => boolean): Schedule {
  if (o.replay) {
    const clash = ["topology", "seed", "duration", "faults", "intensity"].filter(given);
    if (clash.length) throw new UsageError(`--replay takes its options from the schedule file; drop ${clash.map((c) => `--${c}`).join(", ")}`);
    if (!existsSync(o.replay)) throw new UsageError(`no schedule file at ${o.replay}`);
    const text = readFileSync(o.replay, "utf8");
    const name = parseSchedule(text, o.replay).topology;
    return parseSchedule(text, o.replay, prismaKind(name));
  }
  try {
    return generateSchedule({ topology: prismaKind(o.topology), seed: o.seed ?? randomInt(0, 0xffffffff), durationMs: o.duration, faults: o.faults, intensity: o.intensity });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
}

/** The named topology when it is of the PRISMA kind (hosts by role, VIPs, Pacemaker groups); other kinds have no chaos catalog yet. */
function prismaKind(name: string): Topology {
  const t = loadTopology(name) as Topology & { kind?: string };
  if (t.kind !== undefined && t.kind !== "prisma") throw new UsageError(`chaos knows the PRISMA kind of topology only; ${name} is ${t.kind}`);
  return t;
}

try {
  program.parse(process.argv);
  const o = program.opts<Options>();
  const schedule = scheduleFor(o, (name) => program.getOptionValueSource(name) === "cli");
  claimOwnership();
  await engineAndImages([loadTopology(schedule.topology)]);
  const file = o.replay ? resolve(o.replay) : join(tmpdir(), `haproof-chaos-${process.pid}-seed-${schedule.seed}.json`);
  if (!o.replay) writeFileSync(file, scheduleJson(schedule));
  const code = await runVitest([SPEC], {
    ...runOptionsEnv({
      topology: schedule.topology,
      keep: Boolean(o.keep) || process.env.HAPROOF_KEEP === "1",
      chaos: { schedule: file, minAvailabilityPct: o.minAvailability, maxOutageMs: o.maxOutage },
    }),
  }).finally(() => o.replay || rmSync(file, { force: true }));
  process.exitCode = code === 0 || code === 130 ? code : 1;
} catch (e) {
  const err = e as { code?: string; message?: string };
  if (err.code?.startsWith("commander.")) {
    process.exitCode = err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
  } else {
    console.error(`chaos: ${err.message ?? e}`);
    process.exitCode = e instanceof ScheduleError ? 2 : exitCodeFor(e);
  }
}
