import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { claimOwnership, cleanByLabel } from "../harness/engine/index.ts";
import { bringUp } from "../harness/kinds/index.ts";
import { engineAndImages } from "../harness/cli/engine-step.ts";
import { onInterrupt } from "../harness/cli/interrupt.ts";
import { ownedLeftovers, removeOwnedRuns } from "../harness/cli/owned-cleanup.ts";
import { PhaseLog } from "../harness/run/phase-log.ts";
import { parseBenchArgs } from "./options.ts";
import { peakMemory } from "./memory-sampler.ts";
import { probeCalibration } from "./calibration.ts";
import { calibrationLines } from "./calibration-summary.ts";
import { observationCost } from "./observation.ts";
import { observationLine } from "./observation-report.ts";
import { probeOverhead } from "./probe-overhead.ts";
import { regressions } from "./regressions.ts";
import { describe } from "./stats.ts";

// Every option and the topology are validated before anything touches Docker: bad input exits 2, one line.
const { options: o, topology } = parseBenchArgs(process.argv);
claimOwnership();
onInterrupt({ cleanup: removeOwnedRuns(), leftovers: ownedLeftovers() });
const log = new PhaseLog();
await engineAndImages([topology], log);
const cold: number[] = [];
const warm: number[] = [];
const teardown: number[] = [];
const peaks: number[] = [];
let overhead: Awaited<ReturnType<typeof probeOverhead>> | undefined;
let observation: Awaited<ReturnType<typeof observationCost>> | undefined;
let calibration: Awaited<ReturnType<typeof probeCalibration>> | undefined;

for (let i = 0; i < o.cold + o.warm; i++) {
  const isCold = i < o.cold;
  if (isCold) await cleanByLabel({ images: true });
  log.line(`── ${isCold ? "cold" : "warm"} bring-up ${i + 1}`);
  const mem = peakMemory();
  const t0 = performance.now();
  const running = await bringUp(topology, { phases: log });
  (isCold ? cold : warm).push(performance.now() - t0);
  const last = i === o.cold + o.warm - 1;
  if (last) overhead = await probeOverhead(running, o.probeSeconds);
  peaks.push(await mem.stop());
  // After the memory sampler: its docker stats calls every 3 s would load dockerd in both measured windows.
  if (last) observation = await observationCost(running, o.observeSeconds);
  if (last && o.calibrationRuns > 0) calibration = await probeCalibration(running, o.calibrationRuns, log);
  const t1 = performance.now();
  await running.down();
  teardown.push(performance.now() - t1);
}

const result = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version },
  topology: topology.name,
  coldBringUpMs: describe(cold),
  warmBringUpMs: describe(warm),
  teardownMs: describe(teardown),
  peakMemoryBytes: describe(peaks),
  probeOverhead: overhead,
  observation,
  calibration: calibration?.figures,
  calibrationSamples: calibration?.samples,
};
const dir = join(import.meta.dirname, "..", "reports");
mkdirSync(dir, { recursive: true });
const file = join(dir, "bench.json");
// Compared with the previous run's figures on this machine, before they are overwritten.
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown) : undefined;
const worse = previous ? regressions(previous, result) : [];
writeFileSync(file, JSON.stringify({ ...result, regressions: worse.map((r) => r.text) }, null, 2));
const s = (d: { runs: number; median: number; spread: number }) =>
  d.runs === 0 ? "not measured (0 runs)" : `median ${(d.median / 1000).toFixed(1)} s, spread ${(d.spread / 1000).toFixed(1)} s over ${d.runs} run${d.runs === 1 ? "" : "s"}`;
console.log(`cold bring-up: ${s(result.coldBringUpMs)}\nwarm bring-up: ${s(result.warmBringUpMs)}\nteardown: ${s(result.teardownMs)}`);
console.log(`peak memory: ${(result.peakMemoryBytes.max / 2 ** 30).toFixed(2)} GiB`);
if (overhead)
  console.log(
    `probe overhead: ${overhead.cpuPercentOfOneCore.toFixed(1)}% of one core (user ${overhead.cpuUserPercent.toFixed(1)}%, system ${overhead.cpuSystemPercent.toFixed(1)}%) for ${overhead.probes} probes at ${overhead.rateHz}/s; jitter p99 median ${overhead.jitterP99Ms.median.toFixed(1)} ms`,
  );
if (observation) console.log(observationLine(observation));
if (calibration) console.log(`calibration (|measured - cut|, one period is 100 ms):\n${calibrationLines(calibration.figures).join("\n")}`);
if (!previous) console.log("no previous reports/bench.json: nothing to compare with");
else if (worse.length) console.log(`REGRESSIONS (more than 20 % worse than the previous run):\n${worse.map((r) => `  ${r.text}`).join("\n")}`);
else console.log("no figure more than 20 % worse than the previous run");
console.log("written to reports/bench.json");
