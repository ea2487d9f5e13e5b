import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { noQuorumNoService } from "./no-quorum-no-service.ts";

const opts = { graceMs: 10_000, vips: ["controller"] };
const view = (quorate: boolean, runningOn: Record<string, string[]>) => ({ quorate, runningOn });

/** A survivor that loses quorum at 1 s, stops at 5 s, heals at 30 s. */
function history(stopped: { atMs: number; vip: string[] }) {
  return new SyntheticHistory()
    .at(0)
    .sample("placement:controller-2", view(true, { keystone: ["controller-2"] }))
    .sample("vip:controller", ["controller-2"])
    .at(1000)
    .fault("kill", "effective", ["controller-1"])
    .fault("kill", "effective", ["controller-3"])
    .at(2000)
    .sample("placement:controller-2", view(false, { keystone: ["controller-2"] }))
    .sample("vip:controller", ["controller-2"])
    .at(stopped.atMs)
    .sample("placement:controller-2", view(false, { keystone: [] }))
    .sample("vip:controller", stopped.vip)
    .at(20_000)
    .sample("placement:controller-2", view(false, { keystone: [] }))
    .sample("vip:controller", [])
    .at(30_000)
    .fault("kill", "heal", ["controller-1"])
    .at(40_000)
    .sample("placement:controller-2", view(true, { keystone: ["controller-2"] }))
    .sample("vip:controller", ["controller-2"]);
}

describe("noQuorumNoService", () => {
  it("is true when the survivor stops everything within the grace and serves again only after the heal", () => {
    const v = noQuorumNoService(history({ atMs: 5000, vip: [] }).events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details.stoppedAfterMs).toBe(4000);
    expect(v.metric).toBe(4000);
    expect(v.details.noQuorumSamples).toBe(1);
  });

  it("is false when a VIP is still held after the grace", () => {
    const v = noQuorumNoService(history({ atMs: 12_000, vip: ["controller-2"] }).events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.violations).toEqual([{ atMs: 12_000, subject: "vip:controller", running: ["controller-2"] }]);
  });

  it("is false when an observer without quorum still runs a resource after the grace", () => {
    const h = history({ atMs: 5000, vip: [] })
      .at(25_000)
      .sample("placement:controller-2", view(false, { keystone: ["controller-2"] }));
    expect(noQuorumNoService(h.events(), opts).valid).toBe(false);
  });

  it("is unknown when every empty VIP sample in the window comes from a round in which the survivor did not answer", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-2", view(true, { keystone: ["controller-2"] }))
      .sample("vip:controller", ["controller-2"])
      .at(1000)
      .fault("kill", "effective", ["controller-1"])
      .at(12_000)
      .sample("placement:controller-2", view(false, { keystone: [] }))
      .sample("vip-unanswered", ["controller-2"])
      .sample("vip:controller", [])
      .at(20_000)
      .sample("vip-unanswered", ["controller-2"])
      .sample("vip:controller", [])
      .at(30_000)
      .fault("kill", "heal", ["controller-1"]);
    const v = noQuorumNoService(h.events(), opts);
    expect(v.valid).toBe("unknown");
    expect(v.details.unheardRounds).toBe(2);
    // The same rounds, every host heard: proved.
    const heard = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-2", view(true, { keystone: ["controller-2"] }))
      .sample("vip:controller", ["controller-2"])
      .at(1000)
      .fault("kill", "effective", ["controller-1"])
      .at(12_000)
      .sample("placement:controller-2", view(false, { keystone: [] }))
      .sample("vip-unanswered", [])
      .sample("vip:controller", [])
      .at(30_000)
      .fault("kill", "heal", ["controller-1"]);
    expect(noQuorumNoService(heard.events(), opts).valid).toBe(true);
  });

  it("counts a round as heard when the only hosts it did not hear are the ones the kill proved down", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-2", view(true, { keystone: ["controller-2"] }))
      .sample("vip:controller", ["controller-2"])
      .at(1000)
      .fault("kill", "effective", ["controller-1"])
      .fault("kill", "effective", ["controller-3"])
      .at(12_000)
      .sample("placement:controller-2", view(false, { keystone: [] }))
      .sample("vip-unanswered", ["controller-1", "controller-3"])
      .sample("vip:controller", [])
      .at(30_000)
      .fault("kill", "heal", ["controller-1"]);
    const v = noQuorumNoService(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details.unheardRounds).toBe(0);
  });

  it("is unknown when a listed VIP has no sample in the window (no VIP observed is no VIP proved)", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-2", view(true, { keystone: ["controller-2"] }))
      .at(1000)
      .fault("kill", "effective", ["controller-1"])
      .at(5000)
      .sample("placement:controller-2", view(false, { keystone: [] }))
      .at(12_000)
      .sample("placement:controller-2", view(false, { keystone: [] }))
      .sample("vip:controller", [])
      .at(30_000)
      .fault("kill", "heal", ["controller-1"])
      .at(40_000)
      .sample("vip:network", []);
    const v = noQuorumNoService(h.events(), { graceMs: 10_000, vips: ["controller", "network"] });
    expect(v.valid).toBe("unknown");
    expect(v.details).toMatchObject({ unsampledVips: ["network"], vipSamples: { controller: 1, network: 0 } });
    expect(noQuorumNoService(h.events(), { graceMs: 10_000, vips: ["controller"] }).valid).toBe(true);
  });

  it("is unknown without a fault, or when no observer without quorum was sampled", () => {
    expect(noQuorumNoService([], opts).valid).toBe("unknown");
    const h = new SyntheticHistory()
      .at(0)
      .fault("kill", "effective", ["controller-1"])
      .at(20_000)
      .sample("placement:controller-2", view(true, { keystone: [] }));
    expect(noQuorumNoService(h.events(), opts).valid).toBe("unknown");
  });
});
