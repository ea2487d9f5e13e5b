import { expect } from "vitest";
import { verdictMessage, type RunSummary } from "../report/index.ts";
import { expectedFailures, RUNBOOK_CHECK } from "./controls.ts";

/**
 * The assertion at a scenario's edge: a pass on the topology as documented; on a topology built
 * with a control's mutation, a run that reached its end and failed, every check the controls table names
 * saying false, by requirement id (a crash before the fault proves nothing about the mutation).
 * A mutation no control pairs with this scenario must not change its outcome: a pass.
 */
export function expectOutcome(summary: RunSummary): void {
  const expected = expectedFailures(summary.scenario, summary.mutations);
  if (!expected) return void expect(summary.verdict, verdictMessage(summary)).toBe("pass");
  const failed = summary.checks.filter((c) => c.valid === false).map((c) => c.id);
  expect(summary.checks.find((c) => c.id === RUNBOOK_CHECK)?.valid, verdictMessage(summary)).toBe(true);
  expect(summary.verdict, verdictMessage(summary)).toBe("fail");
  expect(failed, verdictMessage(summary)).toEqual(expect.arrayContaining(expected));
}
