import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { History, HistoryParseError } from "./history.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "haproof-history-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("History", () => {
  it("stamps mono and wall when absent and keeps given ones", () => {
    const h = new History();
    const a = h.sample({ kind: "vip", vip: "db" }, ["lb-1"]);
    expect(a.subject).toBe("vip:db");
    const b = h.record({ kind: "phase", name: "x", status: "begin", mono: "42", wall: "w" });
    expect(a.mono).toMatch(/^\d+$/);
    expect(new Date(a.wall).toISOString()).toBe(a.wall);
    expect(b.mono).toBe("42");
    expect(h.events()).toHaveLength(2);
  });

  it("allocates op ids per process and refuses a completion without id", () => {
    const h = new History();
    expect(h.op("p", "read", "invoke").id).toBe(0);
    expect(h.op("p", "read", "invoke").id).toBe(1);
    expect(h.op("q", "read", "invoke").id).toBe(0);
    h.op("p", "read", "invoke", { id: 10 });
    expect(h.op("p", "read", "invoke").id).toBe(11);
    expect(() => h.op("p", "read", "ok")).toThrow(TypeError);
  });

  it("writes one JSONL line per event and loads it back", () => {
    const dir = tempDir();
    const file = join(dir, "nested", "history.jsonl");
    const h = new History({ file });
    h.op("mysql", "insert", "invoke", { value: 1 });
    h.op("mysql", "insert", "ok", { id: 0, value: 1 });
    h.fault("kill", "effective", ["vm-1"], { signal: "KILL" });
    h.phase("heal", "end");
    h.close();
    h.sample({ kind: "wait-timeout" }, 1);
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(4);
    const back = History.load(file);
    expect(back.events()).toEqual(h.events().slice(0, 4));
  });

  it("truncates the sink file on construction", () => {
    const dir = tempDir();
    const file = join(dir, "h.jsonl");
    writeFileSync(file, "stale\n");
    new History({ file }).sample({ kind: "wait-timeout" }, 1);
    expect(History.load(file).events()).toHaveLength(1);
  });

  it("skips a torn last line but rejects a bad line in the middle", () => {
    const good = JSON.stringify({ kind: "sample", subject: "s", value: 1, mono: "1", wall: "w" });
    expect(History.fromJsonl(`${good}\n{"kind":"sam`).events()).toHaveLength(1);
    expect(() => History.fromJsonl(`{"kind":\n${good}\n`)).toThrow(HistoryParseError);
  });

  it("rejects an event that breaks the schema, naming the line", () => {
    const bad = JSON.stringify({ kind: "op", process: "p", id: 1, type: "maybe", f: "x", mono: "1", wall: "w" });
    expect(() => History.fromJsonl(`\n${bad}\n`)).toThrow(/line 2/);
  });

  it("keeps unknown extra fields when loading", () => {
    const line = JSON.stringify({ kind: "sample", subject: "s", value: 1, mono: "1", wall: "w", extra: "kept" });
    expect(History.fromJsonl(line).events()[0]).toMatchObject({ extra: "kept" });
  });
});
