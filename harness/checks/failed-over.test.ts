import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { failedOver } from "./failed-over.ts";

const opts = { processes: ["amqp-publish"], away: ["vm-2"], withinMs: 5000 };

function base(): SyntheticHistory {
  return new SyntheticHistory().at(0).call("amqp-publish", "publish", "ok", { host: "vm-2", value: "m1" }).at(1000).fault("kill", "effective", ["vm-2"]);
}

describe("failedOver", () => {
  it("is true when an ok op is served by another host in time, reporting the failover time", () => {
    const h = base()
      .at(2000)
      .call("amqp-publish", "publish", "info", { value: "m2" })
      .at(4000)
      .call("amqp-publish", "publish", "ok", { host: "vm-3", value: "m3" })
      .at(9000)
      .fault("kill", "healed", ["vm-2"]);
    const v = failedOver(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details.failoverMs).toEqual({ "amqp-publish": 3000 });
    expect(v.metric).toBe(3000);
  });

  it("is false when the client never leaves the lost host, or too late", () => {
    const stuck = base().at(2000).call("amqp-publish", "publish", "info", { value: "m2" }).at(9000).fault("kill", "healed", ["vm-2"]).at(9500).call("amqp-publish", "publish", "ok", { host: "vm-3" });
    expect(failedOver(stuck.events(), opts).valid).toBe(false);
    const late = base().at(8000).call("amqp-publish", "publish", "ok", { host: "vm-1" });
    expect(failedOver(late.events(), opts).valid).toBe(false);
  });

  it("is unknown without a fault or without ok ops", () => {
    const noFault = new SyntheticHistory().at(0).call("amqp-publish", "publish", "ok", { host: "vm-1" });
    expect(failedOver(noFault.events(), opts).valid).toBe("unknown");
    const noOps = new SyntheticHistory().at(0).fault("kill", "effective", ["vm-2"]);
    expect(failedOver(noOps.events(), opts).valid).toBe("unknown");
  });
});
