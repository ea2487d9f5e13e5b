import { appendFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Id of this test session, set once by the global setup and inherited by the workers. */
export function sessionId(): string {
  process.env.HAPROOF_SESSION ??= `${process.pid}-${Date.now().toString(36)}`;
  return process.env.HAPROOF_SESSION;
}

const ledger = () => join(tmpdir(), `haproof-session-${sessionId()}.runs`);

/** Notes that this session used shared run `runId` (so its teardown removes it). */
export function noteSharedRun(runId: string): void {
  appendFileSync(ledger(), `${runId}\n`);
}

/** The shared runs this session used so far. Read-only. */
export function readSharedRuns(): string[] {
  if (!existsSync(ledger())) return [];
  return [...new Set(readFileSync(ledger(), "utf8").split("\n").filter(Boolean))];
}

/** The shared runs this session used, and forgets them. */
export function takeSharedRuns(): string[] {
  const runs = readSharedRuns();
  rmSync(ledger(), { force: true });
  return runs;
}
