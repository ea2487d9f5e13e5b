import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * Runs a script that installs onInterrupt with a 4 s cleanup, then signals itself at `signalsAtMs`; at `offAtMs`
 * it calls the returned off(), as a command does when the work it guarded ends.
 */
function interrupted(signalsAtMs: number[], offAtMs?: number): { status: number | null; out: string } {
  const script = `
    import { onInterrupt } from "./harness/cli/interrupt.ts";
    const off = onInterrupt({
      cleanup: () => new Promise((r) => setTimeout(r, 4000)),
      leftovers: async () => ["left: run r1: 2 containers, 1 network, 0 volumes; remove it with \`npx haproof down --run r1\`"],
      log: (l) => console.log(l),
    });
    for (const t of ${JSON.stringify(signalsAtMs)}) setTimeout(() => process.kill(process.pid, "SIGINT"), t);
    ${offAtMs === undefined ? "" : `setTimeout(off, ${offAtMs});`}
    setTimeout(() => console.log("not interrupted"), 10000);
  `;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe("onInterrupt", () => {
  it("cleans up once and exits 130, treating signals in quick succession as one Ctrl-C", () => {
    // A terminal's Ctrl-C reaches the whole group, and npm forwards its own copy: two signals 100 ms apart.
    const r = interrupted([50, 150]);
    expect(r.status).toBe(130);
    expect(r.out).toMatch(/cleanup done, nothing of this run is left/);
    expect(r.out).not.toMatch(/abandoned/);
  }, 30_000);

  it("abandons the cleanup on a later Ctrl-C, and names what is left and the command that removes it", () => {
    const r = interrupted([50, 2000]);
    expect(r.status).toBe(130);
    expect(r.out).toMatch(/cleanup abandoned/);
    expect(r.out).toMatch(/left: run r1: .*npx haproof down --run r1/);
    expect(r.out).not.toMatch(/cleanup done/);
  }, 30_000);

  it("keeps its handlers while a cleanup runs: the work ending (off) and a forwarded copy of the signal do not cut it short", () => {
    // Ctrl-C as the scenario ends: the guarded work returns (off) while the cleanup runs, then npm's copy arrives.
    const r = interrupted([50, 300], 100);
    expect(r.status).toBe(130);
    expect(r.out).toMatch(/cleanup done, nothing of this run is left/);
  }, 30_000);
});
