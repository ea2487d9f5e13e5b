import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { deadlocks } from "./deadlocks.ts";

function writes(codes: (string | number | undefined)[]): SyntheticHistory {
  const h = new SyntheticHistory();
  codes.forEach((code, i) => h.at(i * 10).call("mysql", "update", code === undefined ? "ok" : "fail", code === undefined ? {} : { error: { code, message: "x" } }));
  return h;
}

describe("deadlocks", () => {
  it("is true with no deadlock, ignoring other errors", () => {
    const v = deadlocks(writes([undefined, 1062, "ECONNRESET"]).events(), { process: "mysql" });
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ count: 0, ops: 3, rate: 0 });
    expect(v.metric).toBe(0);
  });

  it("is false when deadlocks exceed the bound, counting numeric and named codes", () => {
    const v = deadlocks(writes([undefined, 1213, "ER_LOCK_DEADLOCK", undefined]).events(), { process: "mysql", maxDeadlocks: 1 });
    expect(v.valid).toBe(false);
    expect(v.details).toMatchObject({ count: 2, ops: 4, rate: 0.5, byProcess: { mysql: 2 } });
  });

  it("tolerates deadlocks up to maxDeadlocks and honours custom codes", () => {
    expect(deadlocks(writes([1213]).events(), { maxDeadlocks: 1 }).valid).toBe(true);
    expect(deadlocks(writes([1205]).events(), { codes: [1205] }).valid).toBe(false);
  });

  it("is unknown with no ops for the process", () => {
    expect(deadlocks(writes([1213]).events(), { process: "other" }).valid).toBe("unknown");
    expect(deadlocks(new SyntheticHistory().events()).valid).toBe("unknown");
  });
});
