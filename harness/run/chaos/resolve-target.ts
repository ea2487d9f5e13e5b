import type { Target } from "../../chaos/index.ts";
import type { Site } from "../../site/index.ts";
import { vipHolders } from "../../observe/index.ts";
import { dbWriter } from "../index.ts";

/** A target that needs live state had no host when its step came (no VIP holder, no writer): the step is skipped. */
export class NoLiveTargetError extends Error {
  constructor(
    readonly target: string,
    reason: string,
  ) {
    super(`no host for ${target}: ${reason}`);
    this.name = "NoLiveTargetError";
  }
}

/**
 * The host names a step's target means right now: named hosts as they are; the VIP holder and
 * the Galera writer asked from the running topology. Read-only; throws NoLiveTargetError when
 * nobody holds the VIP or no balancer reports a writer.
 */
export async function resolveTarget(running: Site, t: Target): Promise<string[]> {
  if (t.pick === "hosts") return [...t.hosts];
  if (t.pick === "vip-holder") {
    const [holder] = await vipHolders(running, t.vip, running.hostsOf(t.role));
    if (!holder) throw new NoLiveTargetError(t.label, `no ${t.role} host holds the ${t.vip} VIP`);
    return [holder];
  }
  try {
    return [await dbWriter(running)];
  } catch (e) {
    throw new NoLiveTargetError(t.label, (e as Error).message.slice(0, 200));
  }
}
