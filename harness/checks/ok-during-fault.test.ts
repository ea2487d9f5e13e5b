import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { okDuringFault } from "./ok-during-fault.ts";

describe("okDuringFault", () => {
  it("is true when an op invoked and completed inside the fault window is ok", () => {
    const h = new SyntheticHistory().at(0).fault("kill", "effective").at(100).call("upload", "upload", "fail").at(200).call("upload", "upload", "ok", { value: "img" }).at(300).fault("kill", "healed");
    const v = okDuringFault(h.events(), { process: "upload" });
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ attemptedDuringFault: 2, okDuringFault: 1 });
  });

  it("is false when the only ok op lies outside the window", () => {
    const h = new SyntheticHistory()
      .at(0)
      .call("upload", "upload", "ok")
      .at(10)
      .fault("kill", "effective")
      .at(100)
      .call("upload", "upload", "info")
      .at(300)
      .fault("kill", "healed")
      .at(400)
      .call("upload", "upload", "ok");
    expect(okDuringFault(h.events(), { process: "upload" }).valid).toBe(false);
  });

  it("is unknown without a fault or without ops", () => {
    expect(okDuringFault(new SyntheticHistory().at(0).call("upload", "upload", "ok").events(), { process: "upload" }).valid).toBe("unknown");
    expect(okDuringFault(new SyntheticHistory().at(0).fault("kill", "effective").events(), { process: "upload" }).valid).toBe("unknown");
  });
});
