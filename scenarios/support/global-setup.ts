import { cleanByLabel, engineAnswers } from "../../harness/engine/index.ts";
import { sessionId, takeSharedRuns } from "./session.ts";

/** Vitest global setup of the integration project: opens a session; its teardown removes the shared runs it used unless HAPROOF_KEEP=1. */
export default function setup(): () => Promise<void> {
  sessionId();
  // When this session began: runs written since belong to it (the controls test reuses their verdicts).
  process.env.HAPROOF_SESSION_STARTED ??= new Date().toISOString();
  return async () => {
    const runs = takeSharedRuns();
    if (process.env.HAPROOF_KEEP === "1" || !(await engineAnswers())) return;
    for (const runId of runs) await cleanByLabel({ runId });
  };
}
