import { setTimeout as holdFor } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outageMatchesFault } from "../harness/checks/index.ts";
import type { RunningTopology } from "../harness/engine/index.ts";
import { pauseHost } from "../harness/faults/index.ts";
import { completedOps } from "../harness/history/index.ts";
import { mysqlReader } from "../harness/probes/index.ts";
import { ScenarioRun, sharedTopology } from "../harness/run/index.ts";
import { calibrate, KIND_CALIBRATIONS, PROBE_KINDS } from "../harness/run/calibration/index.ts";

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

// The short form of `npm run bench`'s calibration: each probe kind once, a 3 s cut of every host that could
// serve it, through the VIP (or host list) its scenarios use. The bench runs 1, 3 and 10 s, several times.
const CUT_MS = 3000;

describe("calibration: every probe kind measures a 3 s cut as a 3 s outage", () => {
  let running: RunningTopology;
  const table: string[] = [];
  beforeAll(async () => {
    running = await sharedTopology();
  });
  afterAll(() => {
    console.log(`calibration, ${CUT_MS / 1000} s cut through the VIP:\n${table.join("\n")}`);
  });

  for (const kind of PROBE_KINDS) {
    it(`${kind}: within one period plus ${KIND_CALIBRATIONS[kind].reconnectMs} ms (${KIND_CALIBRATIONS[kind].why})`, async () => {
      const r = await calibrate(running, kind, CUT_MS);
      const d = r.details;
      table.push(
        `  ${kind.padEnd(13)} cut ${d.faultMs?.toFixed(0) ?? "?"} ms, measured ${d.measuredMs?.toFixed(0) ?? "?"} ms, error ${d.errorMs?.toFixed(0) ?? "?"} ms ` +
          `(tolerance ${d.toleranceMs ?? "?"} + edges ${d.edgeMs?.toFixed(0) ?? "?"} ms)${d.reason ? `: ${d.reason}` : ""}`,
      );
      expect(r.summary.verdict, JSON.stringify(d)).toBe("pass");
    });
  }
});
