import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { ackedWrites, outage, vipMoved, vipUniqueness } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { vipHolders } from "../harness/observe/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import { expectOutcome, recordFinalRows, ScenarioRun, sharedTopology, until } from "../harness/run/index.ts";

// Thresholds, from harness/requirements (overridable per site). PRISMA guide: keepalived VRRP with advert_int 1 s; a BACKUP takes over after
// 3 missed adverts plus skew, ~3.6 s; HAProxy on the new holder is already running.
const VIP_MOVE_MS = thresholdMs("lb-failover", "dbVipMoveMs");
const DB_OUTAGE_MS = thresholdMs("lb-failover", "dbOutageMs");

describe("lb-failover: the load balancer holding the DB VIP dies", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("moves the DB VIP to the other load balancer; MySQL writes resume; no acknowledged write lost", async () => {
    const run = await ScenarioRun.begin("lb-failover", running);
    const spec = running.topology.vips.find((v) => v.name === "db")!;
    const lbs = running.hostsOf("lb");
    const holders = () => vipHolders(running, "db", lbs);
    const table = `lb_failover_${Date.now()}`;

    let victim = "";
    let survivors: string[] = [];
    await run.perform(async () => {
      const clients = await run.clients({ mysql: { table }, vips: true });
      [victim] = await holders();
      survivors = spec.allowed.filter((h) => h !== victim);

      {
        // The block's end heals the fault (handles are AsyncDisposable), on a throw as well.
        // biome-ignore lint/correctness/noUnusedVariables: held only to be disposed (healed) at the block's end
        await using fault = await run.inject(killHost(victim));
        await run.until(until.vipOn(running, "db", survivors), VIP_MOVE_MS * 3);
        await run.until(until.okAfterFault(run.history, "mysql"), DB_OUTAGE_MS * 3);
      }
      await run.untilHealthy();
      // keepalived preempts, as the guide configures it: the returning MASTER takes the VIP back, a
      // second, short move. Clients are judged steady only on ops after the VIP settled there.
      await run.until(until.vipOn(running, "db", [victim]), VIP_MOVE_MS * 3);
      const settled = run.history.events().at(-1)!.mono;
      await run.until(until.steadyOk(run.history, "mysql", { n: 10, sinceMono: settled }), DB_OUTAGE_MS * 3);
      await clients.stop(["mysql"]); // final reads see every write the writer will ever make
      await recordFinalRows(run, running, table);
    });

    const summary = await run.finish({
      "PRISMA-LB-VIP-MOVE": (e) => vipMoved(e, { vip: "db", from: victim, to: survivors, maxMoveMs: VIP_MOVE_MS }),
      "PRISMA-LB-VIP-UNIQUE": (e) => vipUniqueness(e, { vip: "db", allowed: spec.allowed, maxNoHolderMs: VIP_MOVE_MS }),
      "PRISMA-LB-MYSQL-OUTAGE": (e) => outage(e, { processes: ["mysql"], maxOutageMs: DB_OUTAGE_MS }),
      "PRISMA-LB-ACKED-WRITES": (e) => ackedWrites(e),
    });
    expectOutcome(summary);
  });
});
