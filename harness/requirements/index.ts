export type { Requirement, RequirementSource } from "./requirement.ts";
export { RequirementSchema, requirementText, formatThreshold } from "./requirement.ts";
export { DEFAULT_REQUIREMENTS, UnknownRequirementError, requirements, requirementsFor, thresholdMs } from "./registry.ts";
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
