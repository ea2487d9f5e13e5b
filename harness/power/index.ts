export type { Power, PowerState } from "./power.ts";
export { PowerTimeoutError } from "./power-timeout-error.ts";
export { DockerPower, FREEZE_TIMEOUT_MS } from "./docker-power.ts";
export { CommandPower, PowerError, execRunner } from "./command-power.ts";
export type { PowerCommands, PowerRunner, RunResult } from "./command-power.ts";
export { ipmiCommands, libvirtCommands, operatorCommands } from "./drivers.ts";
