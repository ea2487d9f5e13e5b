import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPORTS_DIR } from "../harness/report/index.ts";
import { CONTROLS } from "../harness/run/index.ts";
import type { ControlResult } from "../harness/run/control-plan.ts";

const ROOT = join(import.meta.dirname, "..");
const RESULT = join(REPORTS_DIR, "controls", "controls.json");

interface ControlsReport {
  ok: boolean;
  baseline: Record<string, string>;
  results: ControlResult[];
}

// `npm run controls` as CI runs it: every control, one topology build per topology carrying all
// its controls' mutations (--combined), the unmutated verdicts taken from this same test
// session's scenario runs (the sequencer runs this file last).
describe("negative controls: npm run controls -- --combined", () => {
  let code = -1;
  let report: ControlsReport | undefined;
  const rows = CONTROLS;

  beforeAll(async () => {
    rmSync(RESULT, { force: true });
    const since = process.env.HAPROOF_SESSION_STARTED ?? new Date(0).toISOString();
    const args = ["harness/cli/controls.ts", "--combined", "--reuse-baseline", since];
    code = await new Promise<number>((resolve) => {
      const child = spawn(join(ROOT, "node_modules", ".bin", "tsx"), args, {
        cwd: ROOT,
        stdio: "inherit",
        // Its own session, so its teardown removes only the mutated topology it built.
        env: { ...process.env, HAPROOF_SESSION: `${process.env.HAPROOF_SESSION ?? process.pid}-controls` },
      });
      child.on("exit", (c) => resolve(c ?? 1));
    });
    if (existsSync(RESULT)) report = JSON.parse(readFileSync(RESULT, "utf8")) as ControlsReport;
    // Three control builds and their runs took 19.6 min of the project's 20 min hook bound in one CI run, and
    // overran it on a busier machine: a bound on the harness, not on a failover, so it has room.
  }, 45 * 60_000);

  for (const c of rows) {
    it(`${c.mutation}: ${c.scenario} fails on "${c.failing.join('", "')}"`, () => {
      const r = report?.results.find((x) => x.mutation === c.mutation && x.scenario === c.scenario);
      expect(r, "controls.json has this control").toBeDefined();
      expect(r!.actual).toBe("fail");
      expect(r!.notFailed, "the documented checks that did not fail").toEqual([]);
      // Counted only when the runbook ran to the end and every fault it names was proved effective.
      expect(r!.valid, r!.reason).toBe(true);
    });
  }

  it("the same scenarios passed unmutated in this session, and the command exited 0", () => {
    expect(report?.baseline).toEqual(Object.fromEntries([...new Set(rows.map((c) => c.scenario))].map((s) => [s, "pass"])));
    expect(code).toBe(0);
  });
});
