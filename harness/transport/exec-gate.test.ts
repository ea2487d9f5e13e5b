import { describe, expect, it } from "vitest";
import { ExecGate } from "./exec-gate.ts";

/** A promise with its resolve handle, to hold an operation in flight. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((r) => setImmediate(r));

describe("ExecGate", () => {
  it("runs ordinary operations side by side", async () => {
    const gate = new ExecGate();
    const a = deferred<number>();
    const b = deferred<number>();
    const both = Promise.all([gate.pass(() => a.promise), gate.pass(() => b.promise)]);
    await tick();
    expect(gate.inFlight).toBe(2);
    a.resolve(1);
    b.resolve(2);
    expect(await both).toEqual([1, 2]);
    expect(gate.inFlight).toBe(0);
  });

  it("starts an exclusive operation only once the ones in flight are done", async () => {
    const gate = new ExecGate();
    const log: string[] = [];
    const exec = deferred();
    const inFlight = gate.pass(async () => {
      await exec.promise;
      log.push("exec done");
    });
    const paused = gate.exclusive(async () => void log.push("pause"));
    await tick();
    expect(log).toEqual([]);
    exec.resolve();
    await Promise.all([inFlight, paused]);
    expect(log).toEqual(["exec done", "pause"]);
  });

  it("holds new operations back while an exclusive one is applied, then lets them through", async () => {
    const gate = new ExecGate();
    const log: string[] = [];
    const pause = deferred();
    const paused = gate.exclusive(async () => {
      await pause.promise;
      log.push("pause");
    });
    const exec = gate.pass(async () => void log.push("exec"));
    await tick();
    expect(log).toEqual([]);
    pause.resolve();
    await Promise.all([paused, exec]);
    expect(log).toEqual(["pause", "exec"]);
  });

  it("runs exclusive operations one at a time, in order", async () => {
    const gate = new ExecGate();
    const log: string[] = [];
    const first = deferred();
    const a = gate.exclusive(async () => {
      await first.promise;
      log.push("pause");
    });
    const b = gate.exclusive(async () => void log.push("unpause"));
    await tick();
    expect(log).toEqual([]);
    first.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(["pause", "unpause"]);
  });

  it("reopens when an exclusive operation fails", async () => {
    const gate = new ExecGate();
    await expect(gate.exclusive(async () => Promise.reject(new Error("no such container")))).rejects.toThrow("no such container");
    expect(await gate.pass(async () => "ran")).toBe("ran");
  });

  it("gives up on the abort signal, draining or applying, and reopens at once", async () => {
    const gate = new ExecGate();
    const stuck = deferred();
    void gate.pass(() => stuck.promise);
    const draining = new AbortController();
    const drain = gate.exclusive(async () => "never", draining.signal);
    draining.abort(new Error("drain bound"));
    await expect(drain).rejects.toThrow("drain bound");
    stuck.resolve();

    const hung = new AbortController();
    const applying = gate.exclusive(() => new Promise<void>(() => undefined), hung.signal);
    await tick();
    hung.abort(new Error("freeze bound"));
    await expect(applying).rejects.toThrow("freeze bound");
    expect(await gate.pass(async () => "ran")).toBe("ran");
  });
});
