import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { ackedWrites, confirmedMessages, imageIntegrity, outage, placement, tokenContinuity, vipMoved } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { clusterwareCib } from "../harness/formation/clusterware/index.ts";
import { thresholdMs, type RequirementId } from "../harness/requirements/index.ts";
import type { ClusterwareTopology } from "../topologies/index.ts";
import { clearFailures, consolidate, cwStatus, recordFinalRowsCw } from "../harness/run/cw-support.ts";
import { expectOutcome, maxOutageMs, recordDrained, ScenarioRun, sharedClusterware, until, type Check } from "../harness/run/index.ts";

// Corosync declares the node lost after its token (3 s), then each chain starts on the standby (mount,
// InnoDB recovery, RabbitMQ boot, Keystone/Glance start under load); every chain was on the standby after
// 45-55 s. The runbook waits as long as the slowest VIP's bound allows (the formulas are beside the bounds).
const FAILOVER_MS = Math.max(...["mysqlVIP", "rabbitmqVIP", "keystoneVIP", "glanceVIP"].map((v) => thresholdMs("controller-loss", `${v}MoveMs`)));

// The requirement each service VIP's move reports (CW-CTRL-<SERVICE>-VIP); its metric is `<vip>MoveMs`.
const vipMoveId = (vip: string) => `CW-CTRL-${vip.replace("VIP", "").toUpperCase()}-VIP` as RequirementId;

describe("controller-loss: the active controller dies", () => {
  let running: Site<ClusterwareTopology>;
  beforeAll(async () => {
    running = await sharedClusterware();
  });

  it("moves every chain to the standby of controller_sp; tokens, images, writes and messages survive", async () => {
    // Names unique to this run: the shared topology keeps earlier runs' rows and messages.
    const table = `cw_ctrl_loss_${Date.now()}`;
    const queue = `cw-ctrl-loss-${Date.now()}`;
    await clearFailures(running);
    const run = await ScenarioRun.begin("controller-loss", running);
    const cib = clusterwareCib(running.topology, running);
    const groups = cib.groups.filter((g) => g.pool === "controller_sp");
    const members = groups.flatMap((g) => g.members);
    const vips = [...new Set(Object.values(cib.serviceVip))];
    const pool = running.topology.pools.find((p) => p.name === "controller_sp")!.nodes;
    let victim = "";
    let failoverMs = Number.NaN;
    await run.perform(async () => {
      // Active/passive: one controller runs every chain (an earlier scenario may have moved one).
      victim = (await cwStatus(running)).placement.mysql!;
      await consolidate(run, running, "controller_sp", victim);
      const clients = await run.clients({ mysql: { table }, amqp: { queue }, keystone: true, glance: true, vips: true, placement: true });
      const standby = pool.filter((n) => n !== victim);
      const t0 = performance.now();
      const fault = await run.inject(killHost(victim));
      await run.until({ ...until.runningOn(running, members, standby, [victim]), name: `every controller_sp chain running on ${standby.join(" or ")}` }, FAILOVER_MS);
      failoverMs = Math.round(performance.now() - t0);
      await fault.heal();
      await run.untilHealthy();
      await run.until(until.tokensRevalidated(run.history), 120_000);
      await clients.stop(["amqp-publish"]);
      await recordDrained(run, clients.consumer!);
      await clients.stop(["mysql"]); // the final read sees every write the writer will ever make
      await recordFinalRowsCw(run, running, table);
    });

    const standby = pool.filter((n) => n !== victim);
    const summary = await run.finish(
      {
        ...Object.fromEntries(
          vips.map((v): [RequirementId, Check] => [vipMoveId(v), (e) => vipMoved(e, { vip: v, from: victim, to: standby, maxMoveMs: thresholdMs("controller-loss", `${v}MoveMs`) })]),
        ),
        "CW-CTRL-POOL": (e) => placement(e, { resources: members, allowed: pool }),
        "CW-CTRL-TOKENS": (e) => tokenContinuity(e),
        "CW-CTRL-IMAGES": (e) => imageIntegrity(e),
        "CW-CTRL-ACKED": (e) => ackedWrites(e),
        "CW-CTRL-CONFIRMED": (e) => confirmedMessages(e),
        "CW-CTRL-BACK": (e) => outage(e, { processes: ["mysql", "amqp-publish", "keystone", "glance"] }),
      },
      (v) => ({
        relocationMs: failoverMs,
        ...Object.fromEntries(["mysql", "amqp-publish", "keystone", "glance"].map((p) => [`${p.replace("-publish", "")}OutageMs`, maxOutageMs(v["CW-CTRL-BACK"], p)])),
      }),
    );
    expectOutcome(summary);
  });
});
