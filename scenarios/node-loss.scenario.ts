import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { imageIntegrity, outage, placement, tokenContinuity, vipMoved, vipUniqueness, convergedAfterHeal } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { keystoneEndpoints, vipHolders } from "../harness/observe/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import { expectOutcome, ScenarioRun, sharedTopology, until } from "../harness/run/index.ts";

// Thresholds come from the requirements table (harness/requirements), overridable per site.
const VIP_MOVE_MS = thresholdMs("node-loss", "controllerVipMoveMs");
const KEYSTONE_OUTAGE_MS = thresholdMs("node-loss", "keystoneOutageMs");
const GLANCE_OUTAGE_MS = thresholdMs("node-loss", "glanceOutageMs");
const REJOIN_MS = thresholdMs("node-loss", "controllerRejoinMs");

describe("node-loss: the controller holding Controller_VIP dies", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("moves Controller_VIP and g_controller to the other allowed controller; tokens and images survive", async () => {
    const run = await ScenarioRun.begin("node-loss", running);
    const group = running.topology.groups.find((g) => g.name === "g_controller")!;
    const holders = () => vipHolders(running, "controller", running.hostsOf("controller"));
    const ep = keystoneEndpoints(running);

    let victim = "";
    let survivors: string[] = [];
    await run.perform(async () => {
      await run.clients({ keystone: true, glance: true, vips: true, placement: true });
      [victim] = await holders();
      survivors = group.allowed.filter((h) => h !== victim);

      const fault = await run.inject(killHost(victim));
      // Any new holder ends the wait; whether it is an allowed one is the checks' verdict, not the wait's.
      await run.until(until.vipLeft(running, "controller", victim), VIP_MOVE_MS * 2);
      await run.until(until.keystoneIssues(ep.keystoneBase), KEYSTONE_OUTAGE_MS * 2);
      await fault.heal();
      await run.untilHealthy();
      await run.until(until.tokensRevalidated(run.history), 120_000);
    });

    const summary = await run.finish({
      "PRISMA-CTRL-VIP-MOVE": (e) => vipMoved(e, { vip: "controller", from: victim, to: survivors, maxMoveMs: VIP_MOVE_MS }),
      "PRISMA-CTRL-VIP-UNIQUE": (e) => vipUniqueness(e, { vip: "controller", allowed: group.allowed, maxNoHolderMs: VIP_MOVE_MS }),
      "PRISMA-CTRL-PLACEMENT": (e) => placement(e, { resources: [...group.resources], allowed: group.allowed }),
      "PRISMA-CTRL-TOKENS": (e) => tokenContinuity(e),
      "PRISMA-CTRL-IMAGES": (e) => imageIntegrity(e),
      "PRISMA-CTRL-KEYSTONE-OUTAGE": (e) => outage(e, { processes: ["keystone"], maxOutageMs: KEYSTONE_OUTAGE_MS }),
      "PRISMA-CTRL-GLANCE-OUTAGE": (e) => outage(e, { processes: ["glance"], maxOutageMs: GLANCE_OUTAGE_MS }),
      "PRISMA-CTRL-REJOIN": (e) => convergedAfterHeal(e, { subject: { kind: "placement" }, predicate: (v) => (v as { online?: string[] }).online?.includes(victim) ?? false, withinMs: REJOIN_MS }),
    });
    expectOutcome(summary);
  });
});
