import { setTimeout as holdFor } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { outageMatchesFault } from "../harness/checks/index.ts";
import type { RunningTopology } from "../harness/engine/index.ts";
import { pauseHost } from "../harness/faults/index.ts";
import { completedOps } from "../harness/history/index.ts";
import { mysqlReader } from "../harness/probes/index.ts";
import { ScenarioRun, sharedTopology } from "../harness/run/index.ts";

// Calibration of the outage measurement itself: freeze the only node a client reads from for a
// known time, and compare the measured window with the time the node was actually frozen.
const PAUSE_MS = 3000;
const RATE_HZ = 10;
const PERIOD_MS = 1000 / RATE_HZ;
const OP_TIMEOUT_MS = 500;
// MySQL's own reconnect after the thaw: a new TCP connection and handshake, measured at 5-30 ms here.
const RECONNECT_MS = 300;
const PROCESS = "calibration-read";

describe("calibration: a 3 s freeze measures as a 3 s outage", () => {
  let running: RunningTopology;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("measures the pause within one probe period plus the reconnect time", async () => {
    const run = await ScenarioRun.begin("calibration", running);
    const node = running.hostsOf("datahost").at(-1)!;
    const reader = mysqlReader({ history: run.history, address: node.ip, process: PROCESS, rateHz: RATE_HZ, timeoutMs: OP_TIMEOUT_MS });
    const oks = () => completedOps(run.history.events(), { process: PROCESS }).filter((o) => o.type === "ok").length;
    let okBefore = 0;
    await run.perform(async () => {
      reader.start();
      await run.until("20 ok reads", () => oks() >= 20, 30_000);
      const fault = await run.inject(pauseHost(node.name));
      await holdFor(PAUSE_MS); // the fault's length is the thing being calibrated, not a wait for a condition
      await fault.heal();
      okBefore = oks();
      await run.until("20 more ok reads after the thaw", () => oks() >= okBefore + 20, 30_000);
      await reader.stop();
    });
    const summary = await run.finish({ "HAPROOF-CALIBRATION": (e) => outageMatchesFault(e, { process: PROCESS, toleranceMs: PERIOD_MS + RECONNECT_MS }) }, (v) => {
      const d = v["HAPROOF-CALIBRATION"].details;
      return { frozenMs: d.faultMs, measuredOutageMs: d.measuredMs, calibrationErrorMs: d.errorMs };
    });
    expect(summary.verdict).toBe("pass");
  });
});
