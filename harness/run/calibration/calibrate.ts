import { setTimeout as holdFor } from "node:timers/promises";
import { outageMatchesFault, type OutageMatchesFaultDetails } from "../../checks/index.ts";
import { cutClient } from "../../faults/index.ts";
import { completedOps } from "../../history/index.ts";
import { tcpProbe } from "../../probes/index.ts";
import type { RunSummary } from "../../report/index.ts";
import type { Site } from "../../site/index.ts";
import { ScenarioRun } from "../scenario-run.ts";
import { CALIBRATION_PERIOD_MS, CALIBRATION_RATE_HZ, CALIBRATION_STALL_MS, KIND_CALIBRATIONS, type ProbeKind } from "./probe-kinds.ts";

/** One calibration: the frozen time, the measured window and their difference, with the run's verdict. */
export interface CalibrationResult {
  kind: ProbeKind;
  freezeMs: number;
  summary: RunSummary;
  /** The check's details: faultMs, measuredMs, errorMs, edgeMs, toleranceMs (absent when it found no window). */
  details: OutageMatchesFaultDetails;
}

/**
 * Runs `kind`'s probe at 10/s, cuts every host that could serve it from the harness for `freezeMs`, heals,
 * and judges HAPROOF-CALIBRATION: one outage window, as long as the cut within one period plus the kind's
 * reconnect budget (plus the cut's edge uncertainty). A scenario run of its own, named `calibration`.
 */
export async function calibrate(site: Site, kind: ProbeKind, freezeMs: number): Promise<CalibrationResult> {
  const k = KIND_CALIBRATIONS[kind];
  const run = await ScenarioRun.begin("calibration", site);
  const oks = () => completedOps(run.history.events(), { process: k.process }).filter((o) => o.type === "ok").length;
  const vip = site.vipAddress("controller");
  const tcp = k.spec ? undefined : tcpProbe({ history: run.history, label: "controller-vip", address: vip, port: 5000, rateHz: CALIBRATION_RATE_HZ });
  await run.perform(async () => {
    // A table of its own per run: a reused one refuses every insert after the first run as a duplicate.
    if (k.spec) await run.clients({ ...k.spec, ...(k.spec.mysql ? { mysql: { table: `${k.spec.mysql.table}_${Date.now()}` } } : {}), rateHz: CALIBRATION_RATE_HZ, openLoop: true });
    tcp?.start();
    await run.until(`20 ok ${k.process} ops`, () => oks() >= 20, 60_000);
    const fault = await run.inject(cutClient(k.cut(site)));
    await holdFor(freezeMs); // the cut's length is the thing calibrated, not a wait for a condition
    await fault.heal();
    const after = oks();
    await run.until(`20 more ok ${k.process} ops after the heal`, () => oks() >= after + 20, 60_000);
  });
  await tcp?.stop();
  let details: OutageMatchesFaultDetails = {};
  const summary = await run.finish(
    {
      "HAPROOF-CALIBRATION": (e) => {
        const v = outageMatchesFault(e, { process: k.process, toleranceMs: CALIBRATION_PERIOD_MS + k.reconnectMs, stallMs: CALIBRATION_STALL_MS });
        details = v.details;
        return v;
      },
    },
    (v) => {
      const d = v["HAPROOF-CALIBRATION"].details;
      return { frozenMs: d.faultMs, measuredOutageMs: d.measuredMs, calibrationErrorMs: d.errorMs };
    },
  );
  return { kind, freezeMs, summary, details };
}
