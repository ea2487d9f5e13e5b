import type { Site } from "../site/index.ts";
import { recordDrained } from "./amqp-drain.ts";
import type { Clients } from "./clients.ts";
import { recordFinalRows } from "./final-reads.ts";
import type { ScenarioRun } from "./scenario-run.ts";
import { until } from "./until.ts";

/**
 * The data clients' ending after a heal: once publishing with confirms is steadily ok, stops the
 * publisher and records the drained queue; once MySQL writes are steadily ok, stops the writer and
 * records every Galera node's final rows of `table`. What the lost-message and lost-write checks read.
 */
export async function settleDataClients(run: ScenarioRun, running: Site, clients: Clients, table: string): Promise<void> {
  await run.until(until.steadyOk(run.history, "amqp-publish"));
  await clients.stop(["amqp-publish"]);
  await recordDrained(run, clients.consumer!);
  await run.until(until.steadyOk(run.history, "mysql"));
  await clients.stop(["mysql"]);
  await recordFinalRows(run, running, table);
}
