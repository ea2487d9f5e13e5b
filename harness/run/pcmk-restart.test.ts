import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/index.ts";
import { firstOkAfterFaultMs } from "./pcmk-restart.ts";

describe("firstOkAfterFaultMs", () => {
  it("measures from the fault's effect to the first ok op invoked after it", () => {
    const h = new SyntheticHistory()
      .at(0)
      .call("keystone", "issue", "ok")
      .at(1000)
      .fault("kill-process:keystone", "effective")
      .at(1200)
      .call("keystone", "issue", "fail")
      .at(7000)
      .call("keystone", "issue", "ok", { latencyMs: 500 });
    expect(firstOkAfterFaultMs(h.events(), "keystone")).toBe(6500);
  });

  it("is NaN without a fault or without a later ok", () => {
    const h = new SyntheticHistory().at(0).call("keystone", "issue", "ok");
    expect(firstOkAfterFaultMs(h.events(), "keystone")).toBeNaN();
    h.at(10).fault("kill", "effective").at(20).call("keystone", "issue", "fail");
    expect(firstOkAfterFaultMs(h.events(), "keystone")).toBeNaN();
  });
});
