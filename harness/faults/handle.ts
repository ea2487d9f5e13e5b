import type { History } from "../history/index.ts";
import type { FaultHandle } from "./fault.ts";

/**
 * Wraps an undo function as a {@link FaultHandle}: the first heal() records heal, runs
 * `undo`, records healed (or failed, rethrowing); later calls return the same promise.
 */
export function handle(history: History, fault: string, targets: string[], undo: () => Promise<void>): FaultHandle {
  let healing: Promise<void> | undefined;
  const heal = () =>
    (healing ??= (async () => {
      history.fault(fault, "heal", targets);
      try {
        await undo();
        history.fault(fault, "healed", targets);
      } catch (e) {
        history.fault(fault, "failed", targets, { during: "heal", error: String(e) });
        throw e;
      }
    })());
  return { fault, targets, heal, [Symbol.asyncDispose]: heal };
}

/** Records start, runs `apply` then `prove`, records effective; on failure records failed, runs `undo`, rethrows. */
export async function applyProved(
  history: History,
  fault: string,
  targets: string[],
  steps: { apply: () => Promise<void>; prove: () => Promise<Record<string, unknown> | void>; undo: () => Promise<void> },
): Promise<FaultHandle> {
  history.fault(fault, "start", targets);
  try {
    await steps.apply();
    const details = await steps.prove();
    history.fault(fault, "effective", targets, details ?? undefined);
  } catch (e) {
    history.fault(fault, "failed", targets, { during: "inject", error: String(e) });
    await steps.undo().catch(() => undefined);
    throw e;
  }
  return handle(history, fault, targets, steps.undo);
}
