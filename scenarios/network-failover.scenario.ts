import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { convergedAfterHeal, outage, placement, vipMoved, vipUniqueness } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { vipHolders } from "../harness/observe/index.ts";
import { vipResourceId } from "../harness/formation/pacemaker-cib.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import { expectOutcome, ScenarioRun, sharedTopology, until, type Check } from "../harness/run/index.ts";

// Thresholds, from harness/requirements (overridable per site). PRISMA guide: Pacemaker moves a group within its corosync token (3 s) + membership
// change + start timeouts; the g_network stand-ins start instantly, so the VIP move is the whole move.
const NETWORK_VIP_MOVE_MS = thresholdMs("network-failover", "networkVipMoveMs");
// A VIP may be held by nobody for at most the move time; Controller_VIP too when the victim held it.
const NO_HOLDER_MS = NETWORK_VIP_MOVE_MS;
const REJOIN_MS = thresholdMs("network-failover", "rejoinMs");
// When the victim also held g_controller, Keystone moves with it: node-loss's API outage bound.
const API_OUTAGE_MS = thresholdMs("network-failover", "keystoneOutageMs");

describe("network-failover: the controller holding Network_VIP dies", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("moves g_network (Network_VIP + Neutron agent stand-ins) to the other allowed controller, never to controller-1", async () => {
    const run = await ScenarioRun.begin("network-failover", running);
    const net = running.topology.groups.find((g) => g.name === "g_network")!;
    const ctl = running.topology.groups.find((g) => g.name === "g_controller")!;
    const holder = (vip: string) => vipHolders(running, vip, running.hostsOf("controller")).then((h) => h[0]);

    let victim = "";
    let others: string[] = [];
    let controllerHolder = "";
    await run.perform(async () => {
      await run.clients({ keystone: true, vips: true, placement: true });
      victim = await holder(net.vip);
      others = net.allowed.filter((h) => h !== victim);
      controllerHolder = await holder(ctl.vip);
      run.log(`Network_VIP on ${victim}, Controller_VIP on ${controllerHolder}${controllerHolder === victim ? " (g_controller moves too)" : ""}`);

      const fault = await run.inject(killHost(victim));
      await run.until(until.vipOn(running, net.vip, others), NETWORK_VIP_MOVE_MS * 2);
      if (controllerHolder === victim) {
        const to = ctl.allowed.filter((h) => h !== victim);
        await run.until(until.vipOn(running, ctl.vip, to), NETWORK_VIP_MOVE_MS * 2);
      }
      await fault.heal();
      await run.untilHealthy();
    });

    const ctlMoved = controllerHolder === victim;
    const ctlTo = ctl.allowed.filter((h) => h !== victim);
    const ctlMoveCheck: { "PRISMA-NET-CTRL-VIP-MOVE"?: Check<ReturnType<typeof vipMoved>> } = ctlMoved
      ? { "PRISMA-NET-CTRL-VIP-MOVE": (e) => vipMoved(e, { vip: ctl.vip, from: victim, to: ctlTo, maxMoveMs: NETWORK_VIP_MOVE_MS }) }
      : {};
    const summary = await run.finish(
      {
        ...ctlMoveCheck,
        "PRISMA-NET-VIP-MOVE": (e) => vipMoved(e, { vip: net.vip, from: victim, to: others, maxMoveMs: NETWORK_VIP_MOVE_MS }),
        "PRISMA-NET-VIP-UNIQUE": (e) => vipUniqueness(e, { vip: net.vip, allowed: net.allowed, maxNoHolderMs: NO_HOLDER_MS }),
        "PRISMA-NET-PLACEMENT": (e) => placement(e, { resources: [vipResourceId(net.vip), ...net.resources], allowed: net.allowed }),
        "PRISMA-NET-CTRL-PLACEMENT": (e) => placement(e, { resources: [vipResourceId(ctl.vip), ...ctl.resources], allowed: ctl.allowed }),
        "PRISMA-NET-CTRL-VIP-UNIQUE": (e) => vipUniqueness(e, { vip: ctl.vip, allowed: ctl.allowed, maxNoHolderMs: NO_HOLDER_MS }),
        "PRISMA-NET-KEYSTONE": (e) => outage(e, { processes: ["keystone"], maxOutageMs: API_OUTAGE_MS }),
        "PRISMA-NET-REJOIN": (e) => convergedAfterHeal(e, { subject: { kind: "placement" }, predicate: (v) => (v as { online?: string[] }).online?.includes(victim) ?? false, withinMs: REJOIN_MS }),
      },
      (v) => (ctlMoved ? { controllerVipMoveMs: v["PRISMA-NET-CTRL-VIP-MOVE"]?.metric } : {}),
    );
    expectOutcome(summary);
  });
});
