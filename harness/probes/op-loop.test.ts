import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { completedOps, History } from "../history/index.ts";
import { OpLoop, openLoopLanes } from "./op-loop.ts";
import { DefiniteFailure } from "./probe.ts";

describe("OpLoop", () => {
  it("records ok, definite failures as fail, and other errors and timeouts as info", async () => {
    const history = new History();
    const outcomes = [
      async () => ({ value: "read" }),
      async () => {
        throw new DefiniteFailure("refused", "ECONNREFUSED");
      },
      async () => {
        throw new Error("connection lost mid-statement");
      },
      () => delay(200),
    ];
    const loop = new OpLoop({ process: "p", history, rateHz: 50, timeoutMs: 50 }, (i) => ({ f: "op", value: i, run: outcomes[i % 4] }));
    loop.start();
    while (completedOps(history.events(), { process: "p" }).length < 4) await delay(10);
    await loop.stop();
    const ops = completedOps(history.events(), { process: "p" }).slice(0, 4);
    expect(ops.map((o) => o.type)).toEqual(["ok", "fail", "info", "info"]);
    expect(ops[0].value).toBe("read");
    expect(ops[1].error).toEqual({ code: "ECONNREFUSED", message: "refused" });
    expect(String((ops[3].error as { message: string }).message)).toMatch(/timed out after 50 ms/);
  });

  it("stops after the op in flight and records nothing afterwards", async () => {
    const history = new History();
    let stopped = 0;
    const loop = new OpLoop({ process: "p", history, rateHz: 100, timeoutMs: 100, onStop: () => void stopped++ }, () => ({ f: "op", run: async () => undefined }));
    loop.start();
    await delay(50);
    await loop.stop();
    const n = history.events().length;
    await delay(50);
    expect(history.events().length).toBe(n);
    expect(n % 2).toBe(0); // every invoke has its completion
    expect(loop.jitter().count).toBeGreaterThan(0);
    expect(stopped).toBe(1); // the lanes' resources released once, after the last op
  });

  it("open loop: ops hung until their timeout do not delay the next ones, and each lane's op is aborted at its timeout", async () => {
    const history = new History();
    const aborted: number[] = [];
    const hang = (signal: AbortSignal, lane: number) =>
      new Promise<void>((resolve) =>
        signal.addEventListener("abort", () => {
          aborted.push(lane);
          resolve();
        }),
      );
    const loop = new OpLoop({ process: "p", history, rateHz: 50, timeoutMs: 200 }, (i, lane) => ({ f: "op", value: i, run: (signal) => (i < 5 ? hang(signal, lane) : Promise.resolve()) }));
    loop.start();
    await delay(400);
    await loop.stop();
    const ops = completedOps(history.events(), { process: "p" });
    // 50/s for 400 ms: about 20 started although the first five each hung for 200 ms.
    expect(ops.length).toBeGreaterThanOrEqual(14);
    expect(ops.slice(0, 5).map((o) => o.type)).toEqual(["info", "info", "info", "info", "info"]);
    expect(ops.slice(5).every((o) => o.type === "ok")).toBe(true);
    expect(aborted).toEqual([0, 1, 2, 3, 4]);
    expect(loop.jitter().waitedForLane).toBe(0);
  });

  it("closed loop (one lane): a hung op holds back the next until its timeout", async () => {
    const history = new History();
    const loop = new OpLoop({ process: "p", history, rateHz: 50, timeoutMs: 200, maxInFlight: 1 }, (i) => ({ f: "op", run: () => (i === 0 ? delay(1000) : Promise.resolve()) }));
    loop.start();
    await delay(150);
    expect(completedOps(history.events(), { process: "p" })).toHaveLength(1);
    await delay(200);
    await loop.stop();
    const ops = completedOps(history.events(), { process: "p" });
    expect(ops[0].type).toBe("info");
    expect(ops.length).toBeGreaterThan(1);
    expect(loop.jitter().waitedForLane).toBeGreaterThan(0);
  });

  it("a healthy service sees one client: every fast op runs on lane 0", async () => {
    const lanes = new Set<number>();
    const loop = new OpLoop({ process: "p", history: new History(), rateHz: 50, timeoutMs: 200 }, (_, lane) => ({ f: "op", run: async () => void lanes.add(lane) }));
    loop.start();
    await delay(200);
    await loop.stop();
    expect([...lanes]).toEqual([0]);
    expect(openLoopLanes(3000, 100)).toBe(31);
  });
});
