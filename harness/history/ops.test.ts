import { describe, expect, it } from "vitest";
import { completedOps } from "./ops.ts";
import { SyntheticHistory, syntheticMono } from "./synthetic.ts";

describe("completedOps", () => {
  it("pairs invokes with completions by process and id, even interleaved", () => {
    const h = new SyntheticHistory()
      .at(0)
      .invoke("a", "read", { id: 1 })
      .at(1)
      .invoke("b", "read", { id: 1, value: "x" })
      .at(2)
      .complete("a", "ok", { id: 1, value: 7 })
      .at(3)
      .complete("b", "fail", { id: 1, error: { code: 1213, message: "deadlock" } });
    const ops = completedOps(h.events());
    expect(ops).toEqual([
      expect.objectContaining({ process: "a", id: 1, type: "ok", value: 7, invokeMono: syntheticMono(0), completeMono: syntheticMono(2) }),
      expect.objectContaining({ process: "b", id: 1, type: "fail", value: "x", error: { code: 1213, message: "deadlock" } }),
    ]);
  });

  it("makes an invoke with no completion indeterminate", () => {
    const h = new SyntheticHistory().at(0).invoke("a", "write", { value: 3 });
    const [op] = completedOps(h.events());
    expect(op).toMatchObject({ type: "info", value: 3 });
    expect(op!.completeMono).toBeUndefined();
  });

  it("reuses an id after completion and filters by process and f", () => {
    const h = new SyntheticHistory().at(0).call("a", "read", "ok", { id: 5 }).at(1).call("a", "read", "fail", { id: 5 }).at(2).call("a", "write", "ok").at(3).call("b", "read", "ok");
    expect(completedOps(h.events(), { process: "a", f: "read" }).map((o) => o.type)).toEqual(["ok", "fail"]);
  });

  it("keeps an orphan completion as its own op", () => {
    const h = new SyntheticHistory();
    h.history().op("a", "read", "ok", { id: 9, mono: "100", wall: "w" });
    expect(completedOps(h.events())).toEqual([expect.objectContaining({ id: 9, type: "ok", invokeMono: "100", completeMono: "100" })]);
  });
});
