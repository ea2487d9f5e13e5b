import { Command, InvalidArgumentError } from "commander";
import { attachTopology, claimOwnership, cleanByLabel, markKept, newRunId, reapOrphans, requireEngine } from "../engine/index.ts";
import { loadTopology, MUTATIONS } from "../../topologies/index.ts";
import { bringUp } from "../kinds/index.ts";
import { printStatus } from "./status.ts";
import { engineAndImages } from "./engine-step.ts";
import { onInterrupt } from "./interrupt.ts";
import { ownedLeftovers, removeOwnedRuns } from "./owned-cleanup.ts";
import { PhaseLog } from "../run/phase-log.ts";
import { defaultTopologyOf, listScenarios, scenarioFile } from "../run/scenario-files.ts";
import { runVitest } from "./run-vitest.ts";
import { runOptionsEnv } from "../run/run-options.ts";
import { parseSets, withMutations } from "../run/set-option.ts";
import { exitCodeFor, UsageError } from "../validation/usage-error.ts";

const collect = (v: string, acc: string[]) => [...acc, v];
const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expects a whole number >= 1");
  return n;
};

// Every run this command or its children create is labelled with this process as its owner.
claimOwnership();

const program = new Command("haproof").description("Failover test harness for OpenStack HA control planes, on real containers").exitOverride();

program
  .command("up")
  .description("bring a topology up, formed and verified, and leave it running")
  .argument("[topology]", "topology name", "prisma")
  .option("--set <path=value>", "override a topology field (repeatable), e.g. galera.mode=multi-writer", collect, [])
  .option("--mutate <name>", `build it wrong on purpose, for a negative control (repeatable; ${Object.keys(MUTATIONS).join(", ")})`, collect, [])
  .action(async (name: string, o: { set: string[]; mutate: string[] }) => {
    const topology = loadTopology(name, withMutations(parseSets(o.set), o.mutate));
    const phases = new PhaseLog();
    const off = onInterrupt({ cleanup: removeOwnedRuns(), leftovers: ownedLeftovers() });
    await engineAndImages([topology], phases);
    const runId = newRunId(topology.name);
    const running = await bringUp(topology, { runId, phases });
    await markKept(runId, topology.name);
    off();
    phases.line(`up: ${running.runId} (${running.plan.subnet}); \`npx haproof status\` to inspect, \`npx haproof down\` to remove`);
  });

program
  .command("prepare")
  .description("make sure a Docker engine answers and every image of the topology is built (no containers)")
  .argument("[topology]", "topology name", "prisma")
  .action(async (name: string) => {
    const topology = loadTopology(name);
    onInterrupt({ cleanup: async () => undefined, leftovers: async () => [] });
    await engineAndImages([topology]);
  });

program
  .command("status")
  .description("show every host, service, VIP holder and cluster state of the running topology")
  .option("--run <id>", "run id (default: the newest)")
  .action(async (o: { run?: string }) => {
    await requireEngine();
    await reapOrphans(console.log);
    const running = await attachTopology((n) => loadTopology(n), o.run);
    if (!running) throw new UsageError("no haproof topology is running (`npx haproof up` starts one)");
    await printStatus(running);
  });

program
  .command("down")
  .description("remove the running topology's containers, network and volumes")
  .option("--run <id>", "run id (default: the newest)")
  .action(async (o: { run?: string }) => {
    await requireEngine();
    await reapOrphans(console.log);
    const running = await attachTopology((n) => loadTopology(n), o.run);
    if (!running) return console.log("nothing to take down");
    const r = await running.down();
    console.log(`down ${running.runId}: ${r.containers.length} containers, ${r.networks.length} networks, ${r.volumes.length} volumes removed`);
    reportLeftovers(r.failed);
  });

program
  .command("clean")
  .description("remove everything labelled by haproof from any run, including crashed ones")
  .option("--images", "also remove haproof's images")
  .action(async (o: { images?: boolean }) => {
    await requireEngine();
    const r = await cleanByLabel({ images: o.images });
    console.log(`clean: ${r.containers.length} containers, ${r.networks.length} networks, ${r.volumes.length} volumes, ${r.images.length} images removed`);
    reportLeftovers(r.failed);
  });

program
  .command("scenario")
  .description(`run one scenario spec (known: ${listScenarios().join(", ") || "none yet"})`)
  .argument("<name>", "scenario name")
  .option("--topology <name>", "topology to run it on (default: the scenario's own: prisma, or clusterware for its five)")
  .option("--set <path=value>", "override a topology field (repeatable)", collect, [])
  .option("--mutate <name>", "build the topology wrong on purpose (repeatable; see `up --help`)", collect, [])
  .option("--keep", "leave the topology up afterwards")
  .option("--repeat <n>", "run it n times", positive, 1)
  .action(async (name: string, o: { topology: string; set: string[]; mutate: string[]; keep?: boolean; repeat: number }) => {
    const file = scenarioFile(name);
    // The whole topology, with every --set and --mutate, is validated before anything touches Docker.
    const topology = loadTopology(o.topology ?? defaultTopologyOf(file), withMutations(parseSets(o.set), o.mutate));
    await engineAndImages([topology]);
    let worst = 0;
    for (let i = 1; i <= o.repeat; i++) {
      if (o.repeat > 1) console.log(`── ${name}: run ${i} of ${o.repeat}`);
      const code = await runVitest([file], {
        ...runOptionsEnv({ topology: o.topology, sets: o.set, mutations: o.mutate, keep: Boolean(o.keep) || process.env.HAPROOF_KEEP === "1", oneScenario: true }),
      });
      if (code === 130) {
        process.exitCode = 130;
        return;
      }
      worst = Math.max(worst, code === 0 ? 0 : 1);
    }
    process.exitCode = worst;
  });

/** Prints what Docker refused to remove and sets exit code 1 (the run's containers are gone either way). */
function reportLeftovers(failed: string[]): void {
  if (!failed.length) return;
  console.error(`not removed (dockerd still holds them; restarting dockerd releases stale endpoints):\n  ${failed.join("\n  ")}`);
  process.exitCode = 1;
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  const err = e as { code?: string; exitCode?: number; message?: string };
  if (err.code?.startsWith("commander.")) {
    process.exitCode = err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
  } else {
    console.error(`haproof: ${err.message ?? e}`);
    process.exitCode = exitCodeFor(e);
  }
}
