import type { RunningTopology } from "../harness/engine/index.ts";
import { calibrate, PROBE_KINDS } from "../harness/run/calibration/index.ts";
import type { PhaseLog } from "../harness/run/phase-log.ts";
import { calibrationFigures, type CalibrationSample } from "./calibration-summary.ts";

/** The cut lengths the bench calibrates every probe kind against, ms. */
export const CALIBRATION_FREEZES_MS = [1000, 3000, 10_000] as const;

/**
 * Calibrates every probe kind `runs` times against each cut length on `running` (a scenario run per cut, as
 * the test command's short form does), and returns the bench's `calibration` figures with the raw samples.
 */
export async function probeCalibration(running: RunningTopology, runs: number, log: PhaseLog) {
  const samples: CalibrationSample[] = [];
  for (let r = 0; r < runs; r++)
    for (const kind of PROBE_KINDS)
      for (const freezeMs of CALIBRATION_FREEZES_MS) {
        log.line(`── calibration ${r + 1}/${runs}: ${kind}, ${freezeMs / 1000} s cut`);
        const c = await calibrate(running, kind, freezeMs);
        samples.push({ kind, freezeMs, errorMs: c.details.errorMs, passed: c.summary.verdict === "pass" });
      }
  return { figures: calibrationFigures(samples), samples };
}
