export type { Power, PowerState } from "./power.ts";
export { PowerTimeoutError } from "./power-timeout-error.ts";
export { DockerPower, FREEZE_TIMEOUT_MS } from "./docker-power.ts";
