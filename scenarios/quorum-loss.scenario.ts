import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { convergedAfterHeal, noQuorumNoService, outage, placement, vipUniqueness } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { vipHolders } from "../harness/observe/index.ts";
import { vipResourceId } from "../harness/formation/pacemaker-cib.ts";
import { thresholdMs, type RequirementId } from "../harness/requirements/index.ts";
import { expectOutcome, chooseSurvivor, ScenarioRun, sharedTopology, until, type Check } from "../harness/run/index.ts";

// Thresholds (from harness/requirements, overridable per site; each formula beside its bound). The survivor must stop
// within corosync's token + consensus (1.2 x token) + the stop of Glance, then Keystone (the daemon agent SIGKILLs
// each after 20 s of SIGTERM): that grace passes before any sample showing service counts against it.
const STOP_GRACE_MS = thresholdMs("quorum-loss", "stopAfterQuorumLossMs");
// Two controllers boot, rejoin Corosync, and Pacemaker starts both groups (VIP -> Keystone -> Glance).
const RECOVERY_MS = thresholdMs("quorum-loss", "recoveryMs");
// Placement samples (1 s apart) of the quorum-less survivor to collect after the grace before healing.
const HELD_SAMPLES = 5;
// Each group's VIP-uniqueness and placement requirements.
const QUORUM_IDS: Record<string, { vip: RequirementId; placement: RequirementId }> = {
  g_controller: { vip: "PRISMA-QUORUM-CTRL-VIP", placement: "PRISMA-QUORUM-CTRL-PLACEMENT" },
  g_network: { vip: "PRISMA-QUORUM-NET-VIP", placement: "PRISMA-QUORUM-NET-PLACEMENT" },
};
// A group the table has no requirement for gets an id finish() judges unknown, naming it.
const quorumId = (group: string, what: "vip" | "placement") => QUORUM_IDS[group]?.[what] ?? (`PRISMA-QUORUM-${group}-${what}`.toUpperCase() as RequirementId);

type View = { quorate?: boolean; online?: string[]; runningOn?: Record<string, string[]> };

describe("quorum-loss: two of the three controllers die at once", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("the survivor has no quorum and stops every group (no split brain); both groups return after the heal", async () => {
    const run = await ScenarioRun.begin("quorum-loss", running);
    const groups = running.topology.groups;
    const resources = groups.flatMap((g) => [vipResourceId(g.vip), ...g.resources]);
    const controllers = running.hostsOf("controller");
    const noVip = async () => (await Promise.all(groups.map((g) => vipHolders(running, g.vip, controllers)))).every((h) => h.length === 0);

    let survivor = "";
    await run.perform(async () => {
      await run.clients({ keystone: true, vips: true, placement: true });
      const holders = await Promise.all(groups.map(async (g) => (await vipHolders(running, g.vip, controllers))[0] ?? ""));
      survivor = chooseSurvivor(
        controllers.map((c) => c.name),
        holders,
        groups.map((g) => g.allowed),
      );
      const victims = controllers.map((c) => c.name).filter((c) => c !== survivor);
      run.log(`groups on ${holders.join(", ")}; keeping ${survivor}, killing ${victims.join(" and ")}`);

      const faults = await Promise.all(victims.map((v) => run.inject(killHost(v))));
      await run.until(until.noQuorumNothingRuns(running, survivor), STOP_GRACE_MS * 2);
      await run.until("no controller holds a VIP", noVip, STOP_GRACE_MS);
      // Hold the fault past the grace, so the no-service claim is judged on a quorum-less steady state.
      await run.until(
        `${HELD_SAMPLES} no-quorum placement samples after the ${STOP_GRACE_MS / 1000} s grace`,
        () => Number(noQuorumNoService(run.history.events(), { graceMs: STOP_GRACE_MS, vips: [] }).details.noQuorumSamples ?? 0) >= HELD_SAMPLES,
        STOP_GRACE_MS * 2,
      );
      await Promise.all(faults.map((f) => f.heal()));
      await run.untilHealthy();
    });

    const converged = (v: unknown) => {
      const s = v as View;
      return !!s.quorate && s.online?.length === controllers.length && resources.every((r) => s.runningOn?.[r]?.length === 1);
    };
    const summary = await run.finish(
      {
        "PRISMA-QUORUM-STOP": (e) => noQuorumNoService(e, { graceMs: STOP_GRACE_MS, vips: groups.map((g) => g.vip) }),
        ...Object.fromEntries(groups.map((g): [RequirementId, Check] => [quorumId(g.name, "vip"), (e) => vipUniqueness(e, { vip: g.vip, allowed: g.allowed })])),
        ...Object.fromEntries(
          groups.map((g): [RequirementId, Check] => [quorumId(g.name, "placement"), (e) => placement(e, { resources: [vipResourceId(g.vip), ...g.resources], allowed: g.allowed })]),
        ),
        "PRISMA-QUORUM-RECOVER": (e) => convergedAfterHeal(e, { subject: { kind: "placement" }, predicate: converged, withinMs: RECOVERY_MS }),
        "PRISMA-QUORUM-KEYSTONE": (e) => outage(e, { processes: ["keystone"] }),
      },
      (v) => ({ keystoneOutageMs: v["PRISMA-QUORUM-KEYSTONE"].metric }),
    );
    expectOutcome(summary);
  });
});
