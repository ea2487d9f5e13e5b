import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { movedTo } from "./moved-to.ts";

const opts = { resources: ["dhcp", "l3"], to: ["net-2"] };
const view = (runningOn: Record<string, string[]>) => ({ quorate: true, runningOn });

describe("movedTo", () => {
  it("is true when the last sample after the fault shows every resource on a target host", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:net-2", view({ dhcp: ["net-1"], l3: ["net-1"] }))
      .at(1000)
      .fault("kill", "effective", ["net-1"])
      .at(5000)
      .sample("placement:net-2", view({ dhcp: ["net-2"], l3: ["net-2"] }));
    const v = movedTo(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ observer: "net-2", runningOn: { dhcp: ["net-2"], l3: ["net-2"] } });
  });

  it("is false when a resource is elsewhere, or nowhere, in the last sample", () => {
    const h = new SyntheticHistory()
      .at(1000)
      .fault("kill", "effective", ["net-1"])
      .at(5000)
      .sample("placement:net-2", view({ dhcp: ["net-2"], l3: ["net-2"] }))
      .at(6000)
      .sample("placement:net-1", view({ dhcp: ["net-2"], l3: [] }));
    expect(movedTo(h.events(), opts)).toMatchObject({ valid: false, details: { wrong: ["l3"] } });
  });

  it("is unknown without a fault, without a sample after it, or with a malformed one", () => {
    const before = new SyntheticHistory().at(0).sample("placement:net-2", view({ dhcp: ["net-2"], l3: ["net-2"] }));
    expect(movedTo(before.events(), opts).valid).toBe("unknown");
    before.at(1000).fault("kill", "effective", ["net-1"]);
    expect(movedTo(before.events(), opts).valid).toBe("unknown");
    before.at(2000).sample("placement:net-2", { quorate: true });
    expect(movedTo(before.events(), opts).valid).toBe("unknown");
  });
});
