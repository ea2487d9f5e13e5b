import { EngineUnavailableError } from "../engine/index.ts";
import { TopologyError } from "../../topologies/index.ts";

/** Bad input from the user (unknown scenario, bad option); exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit code for an error: 2 for bad usage, a bad topology or no engine; 1 otherwise. */
export function exitCodeFor(e: unknown): number {
  return e instanceof UsageError || e instanceof TopologyError || e instanceof EngineUnavailableError ? 2 : 1;
}
