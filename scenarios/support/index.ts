export { sharedTopology, scenarioTopology, LABEL_SHARED } from "./shared-topology.ts";
export { ScenarioRun } from "./scenario-run.ts";
export type { Check } from "./scenario-run.ts";
export { startClients } from "./clients.ts";
export type { ClientSpec, Clients } from "./clients.ts";
export { preFaultTokensRevalidated } from "./conditions.ts";
export { maxOutageMs } from "./metrics.ts";
export { recordFinalRows } from "./final-reads.ts";
export { recordDrained } from "./amqp-drain.ts";
