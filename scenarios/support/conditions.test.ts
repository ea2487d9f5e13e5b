import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../../harness/history/index.ts";
import { okAfterFault, preFaultTokensRevalidated, rabbitConverged } from "./conditions.ts";

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
      .at(0).call("keystone", "issue", "ok", { value: "t1" })
      .at(10).fault("kill", "effective", ["c1"])
      .at(20).fault("kill", "healed", ["c1"])
      .at(30).call("keystone", "validate", "fail", { value: "t2" });
    expect(preFaultTokensRevalidated(h.events())).toBe(false);
    h.at(40).call("keystone", "validate", "fail", { value: "t1" });
    expect(preFaultTokensRevalidated(h.events())).toBe(true);
  });

  it("rabbitConverged wants three running nodes and no partition", () => {
    expect(rabbitConverged({ running: ["a", "b", "c"], partitions: [] })).toBe(true);
    expect(rabbitConverged({ running: ["a", "b"], partitions: [] })).toBe(false);
    expect(rabbitConverged({ running: ["a", "b", "c"], partitions: ["c"] })).toBe(false);
  });
});
