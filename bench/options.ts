import { Command, CommanderError, InvalidArgumentError } from "commander";
import { kindOf } from "../harness/kinds/index.ts";
import { loadTopology, TopologyError, type Topology } from "../topologies/index.ts";

/** Options of `npm run bench`. */
export interface BenchOptions {
  topology: string;
  cold: number;
  warm: number;
  probeSeconds: number;
  observeSeconds: number;
  calibrationRuns: number;
}

const count = (min: number) => (v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min) throw new InvalidArgumentError(`expects a whole number >= ${min}`);
  return n;
};

/**
 * Parses and validates the bench's arguments and its (PRISMA-kind) topology. On bad input prints one line
 * naming the problem and exits 2, before anything touches Docker.
 */
export function parseBenchArgs(argv: string[]): { options: BenchOptions; topology: Topology } {
  const program = new Command("bench")
    .option("--topology <name>", "topology", "prisma")
    .option("--cold <n>", "cold bring-ups (images removed first)", count(0), 1)
    .option("--warm <n>", "warm bring-ups", count(0), 3)
    .option("--probe-seconds <s>", "probe overhead measuring time", count(1), 30)
    .option("--observe-seconds <s>", "observation cost measuring time, idle and observed each", count(1), 30)
    .option("--calibration-runs <n>", "calibrations of every probe kind against 1, 3 and 10 s cuts (0: none)", count(0), 1)
    .exitOverride();
  let options: BenchOptions;
  try {
    options = program.parse(argv).opts<BenchOptions>();
  } catch (e) {
    // Commander has printed its own one-line error (or the help) already.
    if (e instanceof CommanderError) process.exit(e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 2);
    throw e;
  }
  try {
    if (options.cold + options.warm < 1) throw new TopologyError("--cold and --warm add up to 0: nothing to measure");
    const loaded = loadTopology(options.topology);
    // The bench's probe load (Galera writer, RabbitMQ on data hosts) is PRISMA-shaped.
    if (kindOf(loaded).name !== "prisma") throw new TopologyError(`bench measures PRISMA-kind topologies; ${options.topology} is ${loaded.kind}`);
    return { options, topology: loaded as Topology };
  } catch (e) {
    if (!(e instanceof TopologyError)) throw e;
    console.error(`bench: ${e.message}`);
    process.exit(2);
  }
}
