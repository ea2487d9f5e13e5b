import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { constants } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeRun, listRuns, type EngineRun } from "../harness/engine/index.ts";

const ROOT = join(import.meta.dirname, "..");

/**
 * `npm run scenario lb-failover` as a user starts it from a terminal: in its own process group, so a
 * signal to the group is what Ctrl-C sends. Its own shared key keeps it off any run this session has up.
 */
function startScenario(key: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn("npm", ["run", "scenario", "lb-failover"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, HAPROOF_SHARED_KEY: key, HAPROOF_KEEP: "", HAPROOF_OWNER: "", HAPROOF_SESSION: "", HAPROOF_PARENT_PID: "", CI: "true" },
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  // The status a shell shows: npm re-raises the signal on itself, which a shell reports as 128 + its number.
  const exited = new Promise<number | null>((r) => child.on("exit", (code, sig) => r(code ?? (sig ? 128 + constants.signals[sig] : null))));
  return { child, output: () => out, exited };
}

async function waitForLine(output: () => string, pattern: RegExp, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!pattern.test(output())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`no line matching ${pattern} within ${timeoutMs} ms; output ends:\n${output().slice(-1500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const runIds = (runs: EngineRun[]) => new Set(runs.map((r) => r.runId));
const newRuns = async (before: Set<string>) => (await listRuns()).filter((r) => !before.has(r.runId));

// Each point is a line the scenario prints, then a delay: Ctrl-C lands during bring-up, after the fault,
// during the heal, and while the report is written.
const POINTS: [string, RegExp, number][] = [
  ["during bring-up (formation)", /▶ data plane and cluster/, 3000],
  ["after the fault was injected", /▶ inject kill on lb-/, 1500],
  ["during the heal and recovery", /▶ until healthy again/, 500],
  ["while the report is written", /▶ writing the report/, 0],
];

describe("Ctrl-C at any moment of a scenario leaves nothing of its run on the engine", () => {
  const seen: string[] = [];
  const reports = join(ROOT, "reports");
  const reportsBefore = new Set(existsSync(reports) ? readdirSync(reports) : []);
  afterAll(() => {
    console.log(`interrupt points:\n  ${seen.join("\n  ")}`);
    // The interrupted runs' half-written report folders are not evidence of anything: `npm run report` must not judge them.
    for (const d of existsSync(reports) ? readdirSync(reports) : []) {
      if (d.startsWith("lb-failover-") && !reportsBefore.has(d)) rmSync(join(reports, d), { recursive: true, force: true });
    }
  });

  it.each(POINTS)(
    "SIGINT %s: exit 130, and no container, network or volume of the run remains",
    async (label, line, delayMs) => {
      const before = runIds(await listRuns());
      const s = startScenario(`interrupt-${Date.now()}`);
      await waitForLine(s.output, line, 8 * 60_000);
      await new Promise((r) => setTimeout(r, delayMs));
      const during = await newRuns(before);
      process.kill(-s.child.pid!, "SIGINT");
      const code = await Promise.race([s.exited, new Promise<string>((r) => setTimeout(() => r("still running after 120 s"), 120_000))]);
      const left = await newRuns(before);
      seen.push(`${label}: ${during.map(describeRun).join("; ") || "no run yet"} when interrupted; exit ${code}; afterwards ${left.map(describeRun).join("; ") || "nothing left"}`);
      expect(during.length, "the run existed when the signal was sent").toBe(1);
      expect(code, s.output().slice(-2000)).toBe(130);
      expect(left.map(describeRun), s.output().slice(-1500)).toEqual([]);
      expect(s.output()).toMatch(/cleanup done, nothing of this run is left/);
    },
    12 * 60_000,
  );

  it(
    "SIGKILL leaves the run labelled with its owner, and the next haproof command removes it",
    async () => {
      const before = runIds(await listRuns());
      const s = startScenario(`interrupt-kill-${Date.now()}`);
      await waitForLine(s.output, /containers: \d+ started/, 8 * 60_000);
      process.kill(-s.child.pid!, "SIGKILL");
      await s.exited;
      // vitest runs in a group of its own; its watchdog stops it within a second of its parent's death.
      await new Promise((r) => setTimeout(r, 3000));
      const orphan = await newRuns(before);
      expect(orphan.length, "the killed run is still there").toBe(1);
      expect(orphan[0]!.owner).toMatch(/^.+:\d+:\d+$/);
      const status = await new Promise<string>((resolve) => {
        const c = spawn(process.execPath, ["--import", "tsx", join(ROOT, "harness/cli/main.ts"), "status"], { cwd: ROOT, env: { ...process.env, HAPROOF_OWNER: "" } });
        let out = "";
        c.stdout.on("data", (d) => (out += d));
        c.stderr.on("data", (d) => (out += d));
        c.on("exit", () => resolve(out));
      });
      seen.push(`SIGKILL after the containers started: ${describeRun(orphan[0]!)} left; \`haproof status\` then said: ${status.split("\n").find((l) => l.includes("which is gone")) ?? "(nothing)"}`);
      expect(status).toMatch(new RegExp(`removing run ${orphan[0]!.runId}.*which is gone`));
      expect((await newRuns(before)).map(describeRun)).toEqual([]);
    },
    10 * 60_000,
  );
});
