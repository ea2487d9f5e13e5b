import { cpus } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import type { RunningTopology } from "../harness/engine/index.ts";
import { History } from "../harness/history/index.ts";
import { startClients } from "../harness/run/clients.ts";
import { type ObservationCost, observationDiff } from "./observation-report.ts";
import { processCpuOver } from "./process-cpu-over.ts";
import { benchClients } from "./bench-clients.ts";

/** Settling before each measure: connections opened or closed, JIT. */
const SETTLE_MS = 5000;

/**
 * What observing `running` costs the WHOLE machine (all cores, from /proc/stat): its CPU over `seconds` idle, then
 * over `seconds` with node-loss's clients and samplers (Keystone, Glance, VIPs, placement) plus a MySQL writer and
 * an AMQP publisher and consumer running, and the difference, by process group too. Stops its clients.
 */
export async function observationCost(running: RunningTopology, seconds: number): Promise<ObservationCost> {
  await delay(SETTLE_MS);
  const idle = await processCpuOver(seconds * 1000);
  const history = new History();
  const clients = await startClients(running, history, { ...benchClients("bench_observe"), vips: true, placement: true });
  try {
    await delay(SETTLE_MS);
    const observed = await processCpuOver(seconds * 1000);
    return observationDiff(idle, observed, { seconds, cores: cpus().length, clients: clients.probes.map((p) => p.name) });
  } finally {
    await clients.stop();
  }
}
