import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { tokenContinuity } from "./token-continuity.ts";

function run(): SyntheticHistory {
  return new SyntheticHistory()
    .at(0)
    .call("keystone", "issue", "ok", { value: "t1" })
    .at(10)
    .call("keystone", "issue", "ok", { value: "t2" })
    .at(100)
    .fault("kill", "start", ["controller-1"])
    .at(150)
    .fault("kill", "effective", ["controller-1"])
    .at(200)
    .call("keystone", "validate", "fail", { value: "t1" })
    .at(250)
    .call("keystone", "issue", "fail")
    .at(500)
    .fault("kill", "heal", ["controller-1"])
    .at(600)
    .fault("kill", "healed", ["controller-1"]);
}

describe("tokenContinuity", () => {
  it("is true when old tokens validate after the heal and a new one is issued", () => {
    const h = run()
      .at(700)
      .call("keystone", "validate", "fail", { value: "t1" })
      .at(800)
      .call("keystone", "validate", "ok", { value: "t1" })
      .at(810)
      .call("keystone", "validate", "ok", { value: "t2" })
      .at(820)
      .call("keystone", "issue", "ok", { value: "t3" });
    const v = tokenContinuity(h.events());
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ faultStartMs: 150, healedMs: 600, tokensBeforeFault: 2, newTokensAfterHeal: 1 });
  });

  it("is false when an old token's last validation after heal fails", () => {
    const h = run()
      .at(700)
      .call("keystone", "validate", "ok", { value: "t1" })
      .at(710)
      .call("keystone", "validate", "ok", { value: "t2" })
      .at(800)
      .call("keystone", "validate", "fail", { value: "t1" })
      .at(820)
      .call("keystone", "issue", "ok", { value: "t3" });
    const v = tokenContinuity(h.events());
    expect(v.valid).toBe(false);
    expect(v.details.invalidAfterHeal).toEqual(["t1"]);
  });

  it("is false when an old token is never validated after heal, or no new token is issued", () => {
    const unvalidated = run().at(700).call("keystone", "validate", "ok", { value: "t1" }).at(820).call("keystone", "issue", "ok", { value: "t3" });
    expect(tokenContinuity(unvalidated.events()).details.notValidatedAfterHeal).toEqual(["t2"]);
    expect(tokenContinuity(unvalidated.events()).valid).toBe(false);
    const noNew = run().at(700).call("keystone", "validate", "ok", { value: "t1" }).call("keystone", "validate", "ok", { value: "t2" });
    expect(tokenContinuity(noNew.events()).valid).toBe(false);
  });

  it("is unknown without fault events or without tokens issued before the fault", () => {
    const noFault = new SyntheticHistory().at(0).call("keystone", "issue", "ok", { value: "t1" });
    expect(tokenContinuity(noFault.events()).valid).toBe("unknown");
    const late = new SyntheticHistory().at(0).fault("kill", "effective").at(10).fault("kill", "healed").at(20).call("keystone", "issue", "ok", { value: "t" });
    expect(tokenContinuity(late.events()).valid).toBe("unknown");
  });

  it("ignores faults with another name when one is given", () => {
    expect(tokenContinuity(run().events(), { fault: "partition" }).valid).toBe("unknown");
  });
});
