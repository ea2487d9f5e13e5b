import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const ENTRY: Record<string, string> = {
  haproof: "harness/cli/main.ts",
  chaos: "harness/cli/chaos.ts",
  controls: "harness/cli/controls.ts",
  report: "harness/cli/report.ts",
  bench: "bench/main.ts",
};

// A loopback stand-in for the Docker engine that only counts requests: bad input must be refused
// before any of them.
let server: Server;
let requests = 0;
let dockerHost = "";
const scratch = mkdtempSync(join(tmpdir(), "haproof-bad-input-"));
const badSchedule = join(scratch, "schedule.json");
writeFileSync(badSchedule, JSON.stringify({ topology: "prisma", seed: 1, steps: [{ kind: "explode" }] }));

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address() as { port: number };
  dockerHost = `tcp://127.0.0.1:${addr.port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(scratch, { recursive: true, force: true });
});

function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, ENTRY[cmd]!), ...args], {
      cwd: ROOT,
      env: { ...process.env, DOCKER_HOST: dockerHost, HAPROOF_NO_PROVISION: "1", HAPROOF_OWNER: "", FORCE_COLOR: "0" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const CASES: [string, string[], RegExp][] = [
  ["haproof", ["scenario", "node-loss", "--mutate", "nope"], /--mutate: unknown mutation "nope"/],
  ["haproof", ["scenario", "node-loss", "--set", "galera.mode=triple"], /galera\.mode/],
  ["haproof", ["scenario", "node-loss", "--set", "nodots"], /--set expects path=value/],
  ["haproof", ["scenario", "no-such-scenario"], /unknown scenario "no-such-scenario"/],
  ["haproof", ["scenario", "node-loss", "--repeat", "0"], /--repeat/],
  ["haproof", ["scenario", "node-loss", "--topology", "nosuch"], /unknown topology "nosuch"/],
  ["haproof", ["up", "nosuch"], /unknown topology "nosuch"/],
  ["haproof", ["up", "--set", "tunables.corosyncTokenMs=fast"], /tunables\.corosyncTokenMs/],
  ["haproof", ["prepare", "nosuch"], /unknown topology "nosuch"/],
  ["haproof", ["frobnicate"], /unknown command 'frobnicate'/],
  ["chaos", ["--seed", "-1"], /--seed/],
  ["chaos", ["--duration", "soon"], /--duration/],
  ["chaos", ["--faults", "kill,explode"], /explode/],
  ["chaos", ["--intensity", "medium"], /--intensity/],
  ["chaos", ["--min-availability", "120"], /--min-availability/],
  ["chaos", ["--topology", "nosuch"], /unknown topology "nosuch"/],
  ["chaos", ["--replay", join(scratch, "missing.json")], /no schedule file/],
  ["chaos", ["--replay", badSchedule], /schedule/],
  ["controls", ["--only", "nope"], /unknown mutation nope/],
  ["controls", ["--reuse-baseline", "yesterday"], /--reuse-baseline/],
  ["controls", ["--frob"], /unknown option '--frob'/],
  ["report", ["--port", "99999"], /--port/],
  ["report", ["--dir", join(scratch, "no-runs-here")], /no run/i],
  ["bench", ["--cold", "x"], /--cold/],
  ["bench", ["--warm", "-2"], /--warm/],
  ["bench", ["--cold", "0", "--warm", "0"], /nothing to measure/],
  ["bench", ["--topology", "clusterware"], /PRISMA-kind/],
  ["bench", ["--probe-seconds", "0"], /--probe-seconds/],
];

describe("bad input: exit 2, one line naming the problem, no Docker call", () => {
  it.concurrent.each(CASES)(
    "%s %j",
    async (cmd, args, names) => {
      const before = requests;
      const r = await run(cmd, args);
      const lines = r.stderr.split("\n").filter((l) => l.trim());
      expect(r.code, r.stderr).toBe(2);
      expect(lines, "stderr").toHaveLength(1);
      expect(lines[0]).toMatch(names);
      expect(r.stdout.trim(), "stdout").toBe("");
      expect(requests - before, "requests to the engine").toBe(0);
    },
    60_000,
  );
});

describe("no engine: status, down and clean say so, and what to do, with exit 2", () => {
  it.concurrent.each([["status"], ["down"], ["clean"]])(
    "haproof %s",
    async (cmd) => {
      const r = await run("haproof", [cmd]);
      const lines = r.stderr.split("\n").filter((l) => l.trim());
      expect(r.code, r.stderr).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/no Docker engine answers.*`npx haproof prepare`/);
    },
    60_000,
  );
});
