import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { RecordSplitter, streamLoop } from "./stream-records.ts";

const all = (chunks: string[]) => {
  const s = new RecordSplitter();
  return chunks.flatMap((c) => s.push(c));
};

describe("streamLoop", () => {
  it("wraps the quoted command between the markers, stdin and stderr cut off, waiting the period on stdin", () => {
    expect(streamLoop(["ip", "-o", "addr", "show"], 500)).toBe(
      'while :; do echo @@haproof-sample || exit 0; ip -o addr show </dev/null 2>/dev/null; echo "@@haproof-end $?" || exit 0; read -r -t 0.5 _; [ $? -gt 128 ] || exit 0; done',
    );
    expect(streamLoop(["mariadb", "-e", "SHOW STATUS WHERE a IN ('x')"], 1000)).toContain("mariadb -e 'SHOW STATUS WHERE a IN ('\\''x'\\'')' </dev/null 2>/dev/null;");
    expect(streamLoop(["true"], 1000)).toContain("read -r -t 1 _;");
    expect(streamLoop(["crm_mon", "-1"], 1000, 15_000)).toContain("; timeout -k 1 15 crm_mon -1 </dev/null");
  });

  const run = (argv: string[], periodMs: number, timeoutMs?: number) => spawn("bash", ["-c", streamLoop(argv, periodMs, timeoutMs)], { stdio: ["pipe", "pipe", "ignore"] });
  const exited = (p: ReturnType<typeof run>) => new Promise<number | null>((r) => p.on("exit", (code) => r(code)));

  it("runs under bash into records at the period while its stdin is open, and ends at stdin's EOF", async () => {
    const p = run(["bash", "-c", "echo hi; echo no >&2; cat; exit 3"], 50);
    const s = new RecordSplitter();
    const records: unknown[] = [];
    p.stdout.setEncoding("utf8").on("data", (c: string) => records.push(...s.push(c)));
    await expect.poll(() => records.length, { timeout: 3000 }).toBeGreaterThanOrEqual(3);
    expect(records[0]).toEqual({ stdout: "hi\n", exitCode: 3 });
    const t0 = performance.now();
    p.stdin.end();
    expect(await exited(p)).toBe(0);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("kills a run past its timeout, which then counts as failed, and goes on", async () => {
    const p = run(["bash", "-c", "echo started; sleep 5"], 20, 200);
    const s = new RecordSplitter();
    const records: unknown[] = [];
    p.stdout.setEncoding("utf8").on("data", (c: string) => records.push(...s.push(c)));
    await expect.poll(() => records.length, { timeout: 3000 }).toBeGreaterThanOrEqual(2);
    expect(records[0]).toEqual({ stdout: "started\n", exitCode: 124 });
    p.stdin.end();
    await exited(p);
  });

  it("ends itself when its stdout is closed, its stdin still open", async () => {
    const p = run(["true"], 20);
    p.stdout.once("data", () => p.stdout.destroy());
    expect(await exited(p)).not.toBeUndefined();
    p.stdin.end();
  });
});

describe("RecordSplitter", () => {
  const stream = "@@haproof-sample\na\nb\n@@haproof-end 0\n@@haproof-sample\nc\n@@haproof-end 2\n";

  it("splits two records in one chunk", () => {
    expect(all([stream])).toEqual([
      { stdout: "a\nb\n", exitCode: 0 },
      { stdout: "c\n", exitCode: 2 },
    ]);
  });

  it("gives the same records for every chunking, markers split across chunks included", () => {
    for (let i = 1; i < stream.length; i++) for (const j of [i + 1, i + 7, stream.length]) expect(all([stream.slice(0, i), stream.slice(i, j), stream.slice(j)])).toEqual(all([stream]));
    expect(all([...stream])).toEqual(all([stream]));
  });

  it("holds a partial record back until its end marker arrives", () => {
    const s = new RecordSplitter();
    expect(s.push("@@haproof-sample\nx\n@@haproof-en")).toEqual([]);
    expect(s.push("d 0\n@@haproof-sample\ny")).toEqual([{ stdout: "x\n", exitCode: 0 }]);
    expect(s.push("\n")).toEqual([]);
  });

  it("drops output before the first sample mark and an unfinished record restarted", () => {
    expect(all(["noise\n@@haproof-end 0\n@@haproof-sample\nlost\n@@haproof-sample\nkept\n@@haproof-end 0\n"])).toEqual([{ stdout: "kept\n", exitCode: 0 }]);
  });

  it("keeps a last line without its newline, and an empty record", () => {
    expect(all(["@@haproof-sample\nno newline@@haproof-end 1\n@@haproof-sample\n@@haproof-end 0\n"])).toEqual([
      { stdout: "no newline", exitCode: 1 },
      { stdout: "", exitCode: 0 },
    ]);
  });
});
