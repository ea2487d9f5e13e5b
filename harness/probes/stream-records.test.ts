import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellQuote } from "../transport/index.ts";
import { RecordSplitter, streamLoop } from "./stream-records.ts";

const all = (chunks: string[]) => {
  const s = new RecordSplitter();
  return chunks.flatMap((c) => s.push(c));
};

describe("streamLoop", () => {
  it("wraps the quoted command between the markers, stderr dropped, sleeping the period", () => {
    expect(streamLoop(["ip", "-o", "addr", "show"], 500)).toBe('while :; do echo @@haproof-sample || exit 0; ip -o addr show 2>/dev/null; echo "@@haproof-end $?" || exit 0; sleep 0.5; done');
    expect(streamLoop(["mariadb", "-e", "SHOW STATUS WHERE a IN ('x')"], 1000)).toContain("mariadb -e 'SHOW STATUS WHERE a IN ('\\''x'\\'')' 2>/dev/null;");
    expect(streamLoop(["true"], 1000)).toMatch(/sleep 1; done$/);
  });

  it("runs under bash into records, and ends itself once its stdout is closed", () => {
    // `head -c` closes the pipe after the first bytes: the loop must die instead of running forever.
    const out = execFileSync("bash", ["-c", `${shellQuote(["bash", "-c", streamLoop(["bash", "-c", "echo hi; echo no >&2; exit 3"], 10)])} | head -c 60`], { encoding: "utf8", timeout: 5000 });
    expect(all([out])[0]).toEqual({ stdout: "hi\n", exitCode: 3 });
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
