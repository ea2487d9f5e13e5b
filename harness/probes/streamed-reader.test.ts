import { describe, expect, it } from "vitest";
import type { Host, StreamEnd, StreamHandle } from "../transport/index.ts";
import { StreamedReader } from "./streamed-reader.ts";

/** A stream driven by hand: `emit` delivers stdout, `end` ends it as the host would. */
interface FakeStream {
  script: string;
  emit(chunk: string): void;
  end(e?: StreamEnd): void;
  stopped: boolean;
}

function fakeHost(name: string, opts: { refuse?: () => boolean } = {}) {
  const streams: FakeStream[] = [];
  const host = {
    name,
    role: "lb",
    ip: "10.0.0.1",
    stream(script: string, onStdout: (c: string) => void): StreamHandle {
      let finish!: (e: StreamEnd) => void;
      const ended = new Promise<StreamEnd>((r) => (finish = r));
      const s: FakeStream = { script, emit: onStdout, end: (e = { exitCode: null }) => finish(e), stopped: false };
      streams.push(s);
      if (opts.refuse?.()) finish({ exitCode: null, error: "container is not running" });
      return {
        ended,
        stop: async () => {
          s.stopped = true;
          finish({ exitCode: null, error: "stopped" });
          await ended;
        },
      };
    },
  } as unknown as Host;
  return { host, streams };
}

const rec = (out: string, code = 0) => `@@haproof-sample\n${out}@@haproof-end ${code}\n`;
const until = (f: () => boolean) => expect.poll(f, { timeout: 2000, interval: 5 }).toBe(true);

describe("StreamedReader", () => {
  it("keeps each host's latest complete record; a failed or stale one is no answer", async () => {
    let now = 0;
    const a = fakeHost("a");
    const b = fakeHost("b");
    const r = new StreamedReader([a.host, b.host], "loop", { now: () => now });
    r.start();
    expect(a.streams.map((s) => s.script)).toEqual(["loop"]);
    expect(r.latest("a", 1500)).toBeNull();
    a.streams[0]!.emit(rec("one\n"));
    a.streams[0]!.emit("@@haproof-sample\ntwo");
    expect(r.latest("a", 1500)).toBe("one\n");
    b.streams[0]!.emit(rec("down\n", 1));
    expect(r.latest("b", 1500)).toBeNull();
    expect(r.record("b")).toEqual({ stdout: "down\n", exitCode: 1, atMs: 0 });
    now = 1000;
    a.streams[0]!.emit("\n@@haproof-end 0\n");
    now = 2400;
    expect(r.latest("a", 1500)).toBe("two\n");
    now = 2501;
    expect(r.latest("a", 1500)).toBeNull();
    await r.stop();
    expect(a.streams[0]!.stopped && b.streams[0]!.stopped).toBe(true);
  });

  it("reopens an ended stream after restartMs, retrying while the host refuses, and forgets its last record", async () => {
    let down = false;
    const a = fakeHost("a", { refuse: () => down });
    const r = new StreamedReader([a.host], "loop", { restartMs: 20 });
    r.start();
    a.streams[0]!.emit(rec("x\n"));
    expect(r.latest("a", 1000)).toBe("x\n");
    down = true;
    a.streams[0]!.end({ exitCode: 137 });
    await until(() => a.streams.length >= 3);
    expect(r.latest("a", 1000)).toBeNull();
    down = false;
    await until(() => a.streams.length >= 4 && !a.streams.at(-1)!.stopped);
    const last = a.streams.at(-1)!;
    await new Promise((res) => setTimeout(res, 10));
    last.emit(rec("back\n"));
    expect(r.latest("a", 1000)).toBe("back\n");
    // An old stream's late output is not taken for the new one's.
    a.streams[0]!.emit(rec("stale\n"));
    expect(r.latest("a", 1000)).toBe("back\n");
    await r.stop();
    expect(last.stopped).toBe(true);
  });

  it("stop() ends the streams and the reopening, and start() again opens them anew", async () => {
    const a = fakeHost("a");
    const r = new StreamedReader([a.host], "loop", { restartMs: 10 });
    r.start();
    a.streams[0]!.end();
    await r.stop();
    const n = a.streams.length;
    await new Promise((res) => setTimeout(res, 50));
    expect(a.streams.length).toBe(n);
    r.start();
    expect(a.streams.length).toBe(n + 1);
    await r.stop();
    expect(a.streams.at(-1)!.stopped).toBe(true);
  });

  it("firstRecords waits for every host's first record or first end, bounded", async () => {
    const a = fakeHost("a");
    const b = fakeHost("b");
    const r = new StreamedReader([a.host, b.host], "loop", { restartMs: 1000 });
    r.start();
    let done = false;
    const first = r.firstRecords(5000).then(() => (done = true));
    a.streams[0]!.emit(rec("x\n"));
    await new Promise((res) => setTimeout(res, 10));
    expect(done).toBe(false);
    b.streams[0]!.end({ exitCode: null, error: "refused" });
    await first;
    const t0 = performance.now();
    const c = fakeHost("c");
    const silent = new StreamedReader([c.host], "loop");
    silent.start();
    await silent.firstRecords(50);
    expect(performance.now() - t0).toBeLessThan(1000);
    await Promise.all([r.stop(), silent.stop()]);
  });

  it("never throws when a host's stream throws", async () => {
    const bad = {
      name: "bad",
      stream: () => {
        throw new Error("boom");
      },
    } as unknown as Host;
    const r = new StreamedReader([bad], "loop", { restartMs: 10 });
    r.start();
    await new Promise((res) => setTimeout(res, 30));
    expect(r.latest("bad", 1000)).toBeNull();
    await r.stop();
  });
});
