import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { stayedOn } from "./stayed-on.ts";

const opts = { resources: ["Controller_VIP", "keystone"], host: "controller-1" };
const view = (runningOn: Record<string, string[]>) => ({ quorate: true, runningOn });
const on1 = view({ Controller_VIP: ["controller-1"], keystone: ["controller-1"] });

describe("stayedOn", () => {
  it("is true for a restart in place, and measures the gap after the fault", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-2", on1)
      .at(1000)
      .fault("kill-process:keystone", "effective", ["controller-1"])
      .at(2000)
      .sample("placement:controller-2", on1)
      .at(2500)
      .sample("placement:controller-2", { ...on1, failed: ["keystone"] })
      .at(3000)
      .sample("placement:controller-2", view({ Controller_VIP: ["controller-1"], keystone: [] }))
      .at(6000)
      .sample("placement:controller-2", on1);
    const v = stayedOn(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details.downAfterFaultMs).toBe(4000);
    expect(v.metric).toBe(4000);
    expect(v.details.downAfterFaultByResource).toEqual({ keystone: 4000 });
    expect(v.details.downs).toEqual([{ observer: "controller-2", resource: "keystone", fromMs: 2000, toMs: 6000, lengthMs: 4000 }]);
  });

  it("is false when a resource moves to another host", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-1", on1)
      .at(1000)
      .sample("placement:controller-1", view({ Controller_VIP: ["controller-2"], keystone: ["controller-2"] }));
    const v = stayedOn(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.elsewhereCount).toBe(2);
  });

  it("is false when a resource never comes back", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-1", on1)
      .at(1000)
      .sample("placement:controller-1", view({ Controller_VIP: ["controller-1"], keystone: [] }));
    const v = stayedOn(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.notBack).toEqual([{ observer: "controller-1", resource: "keystone" }]);
  });

  it("is unknown without samples, or with a malformed one", () => {
    expect(stayedOn([], opts).valid).toBe("unknown");
    const h = new SyntheticHistory().at(0).sample("placement:controller-1", { runningOn: { keystone: "controller-1" } });
    expect(stayedOn(h.events(), opts).valid).toBe("unknown");
  });
});
