import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/index.ts";
import { okAfterFault, preFaultTokensRevalidated, rabbitConverged, steadyOk } from "./conditions.ts";

describe("scenario wait conditions", () => {
  it("okAfterFault needs an ok completed after the fault took effect", () => {
    const h = new SyntheticHistory().at(0).call("mysql", "insert", "ok").at(10).fault("kill", "effective", ["vm-1"]).at(20).call("mysql", "insert", "fail");
    expect(okAfterFault(h.events(), "mysql")).toBe(false);
    h.at(30).call("mysql", "insert", "ok");
    expect(okAfterFault(h.events(), "mysql")).toBe(true);
    expect(okAfterFault([], "mysql")).toBe(false);
  });

  it("preFaultTokensRevalidated waits for a validation of every pre-fault token after the heal", () => {
    const h = new SyntheticHistory()
      .at(0)
      .call("keystone", "issue", "ok", { value: "t1" })
      .at(10)
      .fault("kill", "effective", ["c1"])
      .at(20)
      .fault("kill", "healed", ["c1"])
      .at(30)
      .call("keystone", "validate", "fail", { value: "t2" });
    expect(preFaultTokensRevalidated(h.events())).toBe(false);
    h.at(40).call("keystone", "validate", "fail", { value: "t1" });
    expect(preFaultTokensRevalidated(h.events())).toBe(true);
  });

  it("steadyOk wants the last n ops of the client all ok", () => {
    const h = new SyntheticHistory();
    for (let t = 0; t < 5; t++) h.at(t).call("mysql", "insert", "ok");
    h.at(5).call("mysql", "insert", "info");
    for (let t = 6; t < 9; t++) h.at(t).call("mysql", "insert", "ok");
    expect(steadyOk(h.events(), "mysql", 3)).toBe(true);
    expect(steadyOk(h.events(), "mysql", 4)).toBe(false);
    expect(steadyOk([], "mysql", 1)).toBe(false);
    // Counting only ops invoked after a marker: 3 ok after it, not 4.
    const marker = h.events().find((e) => e.kind === "op" && e.type === "info")!.mono;
    expect(steadyOk(h.events(), "mysql", 3, marker)).toBe(true);
    expect(steadyOk(h.events(), "mysql", 4, marker)).toBe(false);
  });

  it("rabbitConverged wants three running nodes and no partition", () => {
    expect(rabbitConverged({ running: ["a", "b", "c"], partitions: [] })).toBe(true);
    expect(rabbitConverged({ running: ["a", "b"], partitions: [] })).toBe(false);
    expect(rabbitConverged({ running: ["a", "b", "c"], partitions: ["c"] })).toBe(false);
  });
});
