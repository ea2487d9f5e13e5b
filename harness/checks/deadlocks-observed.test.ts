import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { deadlocksObserved } from "./deadlocks-observed.ts";

const deadlock = { error: { code: 1213, message: "Deadlock found when trying to get lock" } };

describe("deadlocksObserved", () => {
  it("is true when the writers met a 1213, reporting the count, the rate per attempt and the nodes reached", () => {
    const h = new SyntheticHistory()
      .at(0)
      .call("counter-multi", "attempt", "fail", { ...deadlock, host: "vm-2" })
      .at(10)
      .call("counter-multi", "attempt", "ok", { host: "vm-1" })
      .at(20)
      .call("counter-multi", "attempt", "ok", { host: "vm-2" })
      .at(30)
      .call("counter-multi", "attempt", "ok", { host: "vm-3" })
      .at(40)
      .call("counter-multi", "increment", "ok");
    const v = deadlocksObserved(h.events(), { process: "counter-multi" });
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ count: 1, attempts: 4, ratePerAttempt: 0.25, nodes: ["vm-1", "vm-2", "vm-3"] });
  });

  it("is false when the writers ran and met none", () => {
    const h = new SyntheticHistory().at(0).call("counter-multi", "attempt", "ok", { host: "vm-1" }).at(10).call("counter-multi", "increment", "ok");
    expect(deadlocksObserved(h.events(), { process: "counter-multi" })).toMatchObject({ valid: false, details: { count: 0 } });
  });

  it("is unknown when the process never ran", () => {
    const h = new SyntheticHistory().at(0).call("counter-single", "attempt", "fail", deadlock);
    const v = deadlocksObserved(h.events(), { process: "counter-multi" });
    expect(v.valid).toBe("unknown");
    expect(v.details.ratePerAttempt).toBeNaN();
  });
});
