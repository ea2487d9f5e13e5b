import type { BaseTopology } from "../../topologies/kinds.ts";
import type { History } from "../history/index.ts";
import type { Site } from "../site/index.ts";

/** A fault in effect; heal() is idempotent, and disposing the handle heals it. */
export interface FaultHandle extends AsyncDisposable {
  readonly fault: string;
  readonly targets: readonly string[];
  /** Undoes the fault and records heal/healed; safe to call twice. */
  heal(): Promise<void>;
}

/** A fault as data plus its applier: inject() applies it, proves it took effect, and returns the handle. */
export interface Fault {
  readonly name: string;
  readonly targets: readonly string[];
  /** Applies the fault, records start then effective (only once proved); throws FaultError if it cannot. */
  inject(site: Site<BaseTopology>, history: History): Promise<FaultHandle>;
}

/** A fault could not be applied or proved; names the fault, the host and the reason. */
export class FaultError extends Error {
  constructor(
    readonly fault: string,
    readonly host: string,
    reason: string,
  ) {
    super(`${fault} on ${host}: ${reason}`);
    this.name = "FaultError";
  }
}

/** The link-degradation fault is not supported by this kernel (no sch_netem); a verdict, not a crash. */
export class UnsupportedFaultError extends FaultError {
  constructor(fault: string, host: string, reason: string) {
    super(fault, host, `unsupported here: ${reason}`);
    this.name = "UnsupportedFaultError";
  }
}
