import type { RunningTopology } from "../engine/index.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";
import { waitFor } from "../wait/index.ts";
import { FaultError, type Fault } from "./fault.ts";
import { applyProved } from "./handle.ts";

async function stateIs(running: RunningTopology<BaseTopology>, host: string, states: string[], fault: string): Promise<void> {
  try {
    await waitFor(`${host} to be ${states.join("/")}`, async () => states.includes(await running.state(host)), { timeoutMs: 40_000, intervalMs: 200 });
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
    inject: (running, history) =>
      applyProved(history, name, [host], {
        apply: () => running.kill(host),
        prove: () => stateIs(running, host, ["exited", "dead"], name),
        undo: () => running.start(host),
      }),
  };
}

/** Stops the host gracefully (SIGTERM runs its stop.d scripts); heal starts it again. */
export function stopHost(host: string, timeoutS = 30): Fault {
  const name = "stop";
  return {
    name,
    targets: [host],
    inject: (running, history) =>
      applyProved(history, name, [host], {
        apply: () => running.stop(host, timeoutS),
        prove: () => stateIs(running, host, ["exited"], name),
        undo: () => running.start(host),
      }),
  };
}

/** Freezes every process of the host (cgroup freezer); heal thaws it. */
export function pauseHost(host: string): Fault {
  const name = "pause";
  return {
    name,
    targets: [host],
    inject: (running, history) =>
      applyProved(history, name, [host], {
        apply: () => running.pause(host),
        prove: () => stateIs(running, host, ["paused"], name),
        undo: () => running.unpause(host),
      }),
  };
}
