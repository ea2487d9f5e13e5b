import { reapOrphans } from "./orphans.ts";
import { ensureEngine } from "./provision.ts";

/**
 * The one preamble of every command that needs an engine (up, prepare, scenario, controls, chaos, bench, and
 * the integration tests' global setup): finds or provisions the engine, then removes runs whose owner
 * process is gone. Logs what it does; throws EngineUnavailableError (exit 2) when no engine can be had.
 */
export async function readyEngine(log: (line: string) => void): Promise<void> {
  await ensureEngine({ log });
  await reapOrphans(log);
}
