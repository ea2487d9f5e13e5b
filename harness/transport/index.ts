export type { Host, ExecOptions, ExecResult, StreamEnd, StreamHandle } from "./host.ts";
export { CommandError } from "./command-error.ts";
export { DockerHost } from "./docker-host.ts";
export { ExecGate } from "./exec-gate.ts";
export { SshError, SshHost, hostKeyBlob } from "./ssh-host.ts";
export type { SshTarget } from "./ssh-host.ts";
export { shellQuote } from "./shell-quote.ts";
