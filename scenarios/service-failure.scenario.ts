import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { outage, stayedOn, vipStayed } from "../harness/checks/index.ts";
import { killProcess } from "../harness/faults/index.ts";
import { keystoneEndpoints, pacemakerStatus, vipHolders } from "../harness/observe/index.ts";
import { vipResourceId } from "../harness/formation/pacemaker-cib.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import { expectOutcome, firstOkAfterFaultMs, ScenarioRun, sharedTopology, until } from "../harness/run/index.ts";

// Thresholds (from harness/requirements, overridable per site). Pacemaker notices within one monitor interval (tunables.pacemakerMonitorIntervalS = 5 s),
// stops the group's tail and starts it again in place (Keystone's uwsgi needs ~5-15 s to answer /v3, up to
// 75 s under load; Glance follows it in the group); the formula is beside the bound.
const KEYSTONE_OUTAGE_MS = thresholdMs("service-failure", "keystoneOutageMs");
// The runbook waits as long as the bound allows: a shorter wait would crash a run the check would pass.
const RESTART_MS = KEYSTONE_OUTAGE_MS;
// Keystone under uwsgi: the master and its workers all carry the wsgi file on their command line.
const KEYSTONE_PROCESSES = "uwsgi .*keystone-wsgi-public";

describe("service-failure: Keystone dies on the active controller", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("Pacemaker restarts Keystone in place; g_controller and Controller_VIP do not move", async () => {
    const run = await ScenarioRun.begin("service-failure", running);
    const group = running.topology.groups.find((g) => g.name === "g_controller")!;
    const resources = [vipResourceId(group.vip), ...group.resources];
    const ep = keystoneEndpoints(running);

    let active = "";
    await run.perform(async () => {
      await run.clients({ keystone: true, glance: true, vips: true, placement: true });
      [active] = await vipHolders(running, group.vip, running.hostsOf("controller"));
      const pm = () => pacemakerStatus(running.host(active));

      await run.inject(killProcess(active, KEYSTONE_PROCESSES, "keystone"));
      await run.until(
        `Pacemaker sees keystone stopped or failed on ${active}`,
        async () => {
          const s = await pm();
          return s.runningOn.keystone?.length === 0 || s.failed.includes("keystone") || undefined;
        },
        30_000,
      );
      await run.until(
        `keystone running again (not failed) on ${active}`,
        async () => {
          const s = await pm();
          return (s.runningOn.keystone?.[0] === active && !s.failed.includes("keystone")) || undefined;
        },
        RESTART_MS * 2,
      );
      await run.until(until.keystoneIssues(ep.keystoneBase), RESTART_MS);
      await run.untilHealthy();
    });

    const summary = await run.finish(
      {
        "PRISMA-SVC-RESTART": (e) => outage(e, { processes: ["keystone"], maxOutageMs: KEYSTONE_OUTAGE_MS }),
        "PRISMA-SVC-GLANCE-BACK": (e) => outage(e, { processes: ["glance"] }),
        "PRISMA-SVC-IN-PLACE": (e) => stayedOn(e, { resources, host: active }),
        "PRISMA-SVC-VIP-STAYS": (e) => vipStayed(e, { vip: group.vip, host: active }),
      },
      (v) => ({
        restartMs: firstOkAfterFaultMs(run.history.events(), "keystone"),
        // Pacemaker's view: keystone failed/stopped until started again; glance, a later group member, restarts after it.
        pacemakerKeystoneRestartMs: v["PRISMA-SVC-IN-PLACE"].details.downAfterFaultByResource?.keystone,
        groupRestartMs: v["PRISMA-SVC-IN-PLACE"].metric,
        glanceOutageMs: v["PRISMA-SVC-GLANCE-BACK"].metric,
      }),
    );
    expectOutcome(summary);
  });
});
