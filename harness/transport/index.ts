export type { Host, ExecOptions, ExecResult } from "./host.ts";
export { CommandError } from "./command-error.ts";
export { DockerHost } from "./docker-host.ts";
export { ExecGate } from "./exec-gate.ts";
