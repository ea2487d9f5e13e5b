import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { completedOps, History } from "../history/index.ts";
import { OpLoop } from "./op-loop.ts";
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
    const loop = new OpLoop({ process: "p", history, rateHz: 100 }, () => ({ f: "op", run: async () => undefined }));
    loop.start();
    await delay(50);
    await loop.stop();
    const n = history.events().length;
    await delay(50);
    expect(history.events().length).toBe(n);
    expect(n % 2).toBe(0); // every invoke has its completion
    expect(loop.jitter().count).toBeGreaterThan(0);
  });
});
