import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { deadlocks, deadlocksObserved, noLostUpdate } from "../harness/checks/index.ts";
import { setLbMode, type LbMode } from "../harness/formation/lb-mode.ts";
import { formationContext } from "../harness/formation/index.ts";
import { completedOps } from "../harness/history/index.ts";
import { counterWorker, createCounterTable, readCounter, type OpLoop } from "../harness/probes/index.ts";
import { mutated } from "../topologies/index.ts";
import { expectOutcome, ScenarioRun, sharedTopology, until } from "../harness/run/index.ts";

// Workload (PLATFORM.md: two clients on two nodes, 300 updates each, saw 1213 four times; so
// more writers on fewer rows, each in an explicit transaction as OpenStack's SQLAlchemy does,
// which Galera's wsrep_retry_autocommit does not retry for the client).
const WORKERS = 4;
const ROWS = 2;
const RATE_HZ = 50;
const INCREMENTS_PER_PHASE = 800;
const PHASE_TIMEOUT_MS = 300_000;
// Retry policy: only 1213 (shouldRetry is forced to that in counterWorker), 10 retries with a
// short randomised backoff (5..100 ms): a conflict clears as soon as the winner commits.
const DEADLOCK_RETRY = { retries: 10, factor: 2, minTimeout: 5, maxTimeout: 100, randomize: true };

const PHASES = { "multi-writer": "counter-multi", "single-writer": "counter-single" } as const satisfies Record<LbMode, string>;

describe("galera-deadlock: conflicting writers, multi-writer against the guide's single writer", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("multi-writer HAProxy yields 1213 deadlocks, retried without lost update; single-writer yields none", async () => {
    const run = await ScenarioRun.begin("galera-deadlock", running);
    const ctx = formationContext(running, (l) => run.log(l));
    const vip = ctx.vipAddress("db");
    const stamp = Date.now();
    // The documented client retries 1213; the `retry-less-client` mutation reads, then writes back, once.
    const client = mutated(running.topology, "retry-less-client") ? { readModifyWrite: true } : { retry: DEADLOCK_RETRY };
    if (!("retry" in client)) run.log("client: read-modify-write without retry (mutation retry-less-client)");

    const phase = async (mode: LbMode) => {
      const process = PHASES[mode];
      const table = `${process.replace("-", "_")}_${stamp}`;
      await run.step(`HAProxy in ${mode} mode`, () => setLbMode(ctx, mode));
      await createCounterTable(vip, table, ROWS);
      // One connection per worker, each opened through the VIP: multi-writer spreads them round-robin.
      const workers: OpLoop[] = Array.from({ length: WORKERS }, () => counterWorker({ history: run.history, address: vip, table, process, rows: ROWS, rateHz: RATE_HZ, ...client }));
      workers.forEach((w) => w.start());
      try {
        await run.until(
          `${INCREMENTS_PER_PHASE} acknowledged increments (${process})`,
          () => completedOps(run.history.events(), { process, f: "increment" }).filter((o) => o.type === "ok").length >= INCREMENTS_PER_PHASE,
          PHASE_TIMEOUT_MS,
        );
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
      run.record(
        { kind: "counter", process, part: "nodes" },
        [
          ...new Set(
            completedOps(run.history.events(), { process, f: "attempt" })
              .map((o) => o.host)
              .filter((h): h is string => !!h),
          ),
        ].sort(),
      );
      await run.step(`final counter (${process})`, async () => {
        const perNode = Object.fromEntries(await Promise.all(running.hostsOf("datahost").map(async (h) => [h.name, await readCounter(h.ip, table)] as const)));
        run.record({ kind: "counter", process, part: "per-node" }, perNode);
        run.record({ kind: "counter", process, part: "final" }, await readCounter(vip, table));
      });
    };

    await run.perform(async () => {
      await run.clients({ wsrep: true });
      try {
        await phase("multi-writer");
        await phase("single-writer");
      } finally {
        await run.step("HAProxy back in single-writer mode", () => setLbMode(ctx, "single-writer"));
      }
      await run.until(until.galeraSynced(running, 3));
      await run.untilHealthy();
    });

    const multi = PHASES["multi-writer"];
    const single = PHASES["single-writer"];
    const summary = await run.finish(
      {
        "PRISMA-GALERA-DEADLOCK-SURFACED": (e) => deadlocksObserved(e, { process: multi }),
        "PRISMA-GALERA-DEADLOCK-RETRIED": (e) => noLostUpdate(e, { process: multi, finalSubject: { kind: "counter", process: multi, part: "final" } }),
        "PRISMA-GALERA-SINGLE-WRITER": (e) => deadlocks(e, { process: single, maxDeadlocks: 0 }),
        "PRISMA-GALERA-SINGLE-NO-LOST": (e) => noLostUpdate(e, { process: single, finalSubject: { kind: "counter", process: single, part: "final" } }),
      },
      (v) => ({
        deadlocksMultiWriter: v["PRISMA-GALERA-DEADLOCK-SURFACED"].metric,
        deadlocksSingleWriter: v["PRISMA-GALERA-SINGLE-WRITER"].metric,
        deadlockRateMultiWriter: v["PRISMA-GALERA-DEADLOCK-SURFACED"].details.ratePerAttempt,
      }),
    );
    expectOutcome(summary);
  });
});
