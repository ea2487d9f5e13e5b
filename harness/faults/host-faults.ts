import type { BaseTopology } from "../../topologies/kinds.ts";
import type { Site } from "../site/index.ts";
import { waitFor } from "../wait/index.ts";
import { FaultError, type Fault } from "./fault.ts";
import { applyProved } from "./handle.ts";

async function stateIs(site: Site<BaseTopology>, host: string, states: string[], fault: string): Promise<void> {
  try {
    await waitFor(`${host} to be ${states.join("/")}`, async () => states.includes(await site.power.state(host)), { timeoutMs: 40_000, intervalMs: 200 });
  } catch (e) {
    throw new FaultError(fault, host, (e as Error).message);
  }
}

/** SIGKILLs the host's container (power loss); heal starts it again, and its boot.d services come back. */
export function killHost(host: string): Fault {
  const name = "kill";
  return {
    name,
    targets: [host],
    inject: (site, history) =>
      applyProved(history, name, [host], {
        apply: () => site.power.kill(host),
        prove: () => stateIs(site, host, ["exited", "dead"], name),
        undo: () => site.power.start(host),
      }),
  };
}

/** Stops the host gracefully (SIGTERM runs its stop.d scripts); heal starts it again. */
export function stopHost(host: string, timeoutS = 30): Fault {
  const name = "stop";
  return {
    name,
    targets: [host],
    inject: (site, history) =>
      applyProved(history, name, [host], {
        apply: () => site.power.stop(host, timeoutS),
        prove: () => stateIs(site, host, ["exited"], name),
        undo: () => site.power.start(host),
      }),
  };
}

/** Freezes every process of the host (cgroup freezer); heal thaws it. */
export function pauseHost(host: string): Fault {
  const name = "pause";
  return {
    name,
    targets: [host],
    inject: (site, history) =>
      applyProved(history, name, [host], {
        apply: () => site.power.pause(host),
        prove: () => stateIs(site, host, ["paused"], name),
        undo: () => site.power.unpause(host),
      }),
  };
}
