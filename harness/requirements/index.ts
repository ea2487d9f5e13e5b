export type { Requirement, RequirementSource } from "./requirement.ts";
export { RequirementSchema, requirementText, formatThreshold, derived, budget, boundOrigin } from "./requirement.ts";
export { DEFAULT_TIMINGS, boundUnder, defaultBoundMs, explainBound, fixed, roundBound, spelled, sumOf } from "./timing-bound.ts";
export type { AnyTimingBound, BoundTerm, KindTimings, TimingBound, TimingKind } from "./timing-bound.ts";
export { ownTimingBound, ownTimingVerdict } from "./own-timing.ts";
export type { OwnTimingVerdict } from "./own-timing.ts";
export { PINNED } from "./pinned-timings.ts";
export { DEFAULT_REQUIREMENTS, UnknownRequirementError, requirementById, requirements, requirementsFor, thresholdMs } from "./registry.ts";
export type { RequirementId } from "./registry.ts";
export {
  REPO_ROOT,
  RequirementsError,
  RequirementsOverrideSchema,
  applyRequirementsOverride,
  loadRequirementsOverride,
  overrideFile,
  parseRequirementsOverride,
} from "./override.ts";
export type { RequirementsOverride } from "./override.ts";
export { CLUSTERWARE_REQUIREMENTS } from "./clusterware-requirements.ts";
export { CONTROLLER_REQUIREMENTS } from "./controller-requirements.ts";
export { DATA_REQUIREMENTS } from "./data-requirements.ts";
export { SERVICE_REQUIREMENTS } from "./service-requirements.ts";
export { HARNESS_REQUIREMENTS } from "./harness-requirements.ts";
