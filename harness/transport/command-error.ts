/** A command run on a host exited non-zero or could not run; names the host, the command, its exit code and stderr. */
export class CommandError extends Error {
  constructor(
    readonly host: string,
    readonly command: string,
    readonly exitCode: number,
    readonly stderr: string,
    readonly stdout = "",
  ) {
    super(`${host}: \`${command}\` exited ${exitCode}${stderr ? `: ${stderr.trim().slice(-800)}` : ""}`);
    this.name = "CommandError";
  }
}
