export { calibrate } from "./calibrate.ts";
export type { CalibrationResult } from "./calibrate.ts";
export { CALIBRATION_PERIOD_MS, CALIBRATION_RATE_HZ, CALIBRATION_STALL_MS, KIND_CALIBRATIONS, PROBE_KINDS } from "./probe-kinds.ts";
export type { KindCalibration, ProbeKind } from "./probe-kinds.ts";
