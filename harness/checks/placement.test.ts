import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { placement } from "./placement.ts";

const opts = { resources: ["keystone", "glance"], allowed: ["controller-1", "controller-2"] };
const view = (runningOn: Record<string, string[]>) => ({ quorate: true, runningOn });

describe("placement", () => {
  it("is true when the group only moves between allowed hosts", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-2", view({ keystone: ["controller-1"], glance: ["controller-1"] }))
      .at(1000)
      .sample("placement:controller-2", view({ keystone: [], glance: [] }))
      .at(2000)
      .sample("placement:controller-2", view({ keystone: ["controller-2"], glance: ["controller-2"] }));
    const v = placement(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details.ranOn).toEqual({ keystone: ["controller-1", "controller-2"], glance: ["controller-1", "controller-2"] });
  });

  it("is false when a resource lands on a forbidden host", () => {
    const h = new SyntheticHistory().at(0).sample("placement:controller-1", view({ keystone: ["controller-3"], glance: [] }));
    const v = placement(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.violations).toEqual([{ atMs: 0, observer: "controller-1", resource: "keystone", hosts: ["controller-3"] }]);
  });

  it("is false when a resource runs on two hosts at once (split brain) in two samples in a row, or in the last one", () => {
    const both = view({ keystone: ["controller-1", "controller-2"] });
    const one = view({ keystone: ["controller-1"] });
    const twice = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-1", one)
      .at(1000)
      .sample("placement:controller-1", both)
      .at(2000)
      .sample("placement:controller-1", both)
      .at(3000)
      .sample("placement:controller-1", one);
    const v = placement(twice.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.violationCount).toBe(2);
    const last = new SyntheticHistory().at(0).sample("placement:controller-1", one).at(1000).sample("placement:controller-1", both);
    expect(placement(last.events(), opts).valid).toBe(false);
  });

  it("reports, and does not fail on, one observer's lone two-host view between single-host views (a rejoin's stale history)", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:controller-3", view({ keystone: ["controller-2"] }))
      .at(1000)
      .sample("placement:controller-3", view({ keystone: ["controller-2", "controller-1"] }))
      .at(1000)
      .sample("placement:controller-2", view({ keystone: ["controller-2"] }))
      .at(2000)
      .sample("placement:controller-3", view({ keystone: ["controller-2"] }));
    const v = placement(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details.transientSplits).toEqual([{ atMs: 1000, observer: "controller-3", resource: "keystone", hosts: ["controller-2", "controller-1"] }]);
  });

  it("is false for a split that is not one observer's lone two-host view between two single-host views", () => {
    const split = view({ keystone: ["controller-1", "controller-2"] });
    const one = view({ keystone: ["controller-2"] });
    const none = view({ keystone: [] });
    const first = new SyntheticHistory().at(0).sample("placement:controller-1", split).at(1000).sample("placement:controller-1", one);
    expect(placement(first.events(), opts)).toMatchObject({ valid: false, details: { violationCount: 1, transientSplits: [] } });
    const betweenEmpty = new SyntheticHistory().at(0).sample("placement:controller-1", none).at(1000).sample("placement:controller-1", split).at(2000).sample("placement:controller-1", none);
    expect(placement(betweenEmpty.events(), opts).valid).toBe(false);
    const besideEmpty = new SyntheticHistory().at(0).sample("placement:controller-1", one).at(1000).sample("placement:controller-1", split).at(2000).sample("placement:controller-1", none);
    expect(placement(besideEmpty.events(), opts).valid).toBe(false);
    const three = view({ keystone: ["controller-1", "controller-2", "controller-2b"] });
    const wide = new SyntheticHistory().at(0).sample("placement:controller-1", one).at(1000).sample("placement:controller-1", three).at(2000).sample("placement:controller-1", one);
    expect(placement(wide.events(), { ...opts, allowed: [...opts.allowed, "controller-2b"] }).valid).toBe(false);
  });

  it("is unknown when no sample lists a resource of the group, and names the resources never listed", () => {
    const h = new SyntheticHistory().at(0).sample("placement:controller-1", view({ neutron: ["controller-3"] }));
    expect(placement(h.events(), opts)).toMatchObject({ valid: "unknown", details: { unobserved: ["keystone", "glance"] } });
    const some = new SyntheticHistory().at(0).sample("placement:controller-1", view({ keystone: ["controller-1"] }));
    expect(placement(some.events(), opts)).toMatchObject({ valid: true, details: { unobserved: ["glance"] } });
  });

  it("is unknown without samples, or with a malformed one", () => {
    expect(placement([], opts).valid).toBe("unknown");
    const h = new SyntheticHistory().at(0).sample("placement:controller-1", { runningOn: { keystone: "controller-1" } });
    expect(placement(h.events(), opts).valid).toBe("unknown");
  });
});

describe("placement: a rejoining node's stale history", () => {
  const ks = { resources: ["keystone"], allowed: ["controller-1", "controller-2"] };
  const seen = (online: string[], keystone: string[]) => ({ quorate: true, online, runningOn: { keystone } });
  const three = ["controller-1", "controller-2", "controller-3"];
  const two = ["controller-2", "controller-3"];
  const both = ["controller-1", "controller-2"];

  /** controller-2 samples once a second; controller-1 is down from 5 s and online again at 30 s; splits as given. */
  function rejoin(splitAtS: number[]) {
    const h = new SyntheticHistory().at(0).sample("placement:controller-2", seen(three, ["controller-1"]));
    for (let t = 1; t <= 40; t++) {
      const online = t >= 5 && t < 30 ? two : three;
      h.at(t * 1000).sample("placement:controller-2", seen(online, splitAtS.includes(t) ? both : ["controller-2"]));
    }
    return h;
  }

  it("reports, not fails, the group listed on a node and the holder within the grace after the node came back (as in CI)", () => {
    const v = placement(rejoin([30, 31]).events(), ks);
    expect(v.valid).toBe(true);
    expect((v.details.staleAfterRejoin as unknown[]).length).toBe(2);
  });

  it("is false when the double placement outlasts the grace", () => {
    const v = placement(rejoin([30, 36, 37]).events(), ks);
    expect(v.valid).toBe(false);
    expect((v.details.violations as { atMs: number }[]).map((x) => x.atMs)).toEqual([36_000, 37_000]);
  });

  it("treats the rejoining observer's own first views alike (its samples resume after a gap), and only within the grace", () => {
    const own = (splitAtS: number[]) => {
      const h = new SyntheticHistory().at(0).sample("placement:controller-1", seen(three, ["controller-1"]));
      for (let t = 30; t <= 40; t++) h.at(t * 1000).sample("placement:controller-1", seen(three, splitAtS.includes(t) ? both : ["controller-2"]));
      return h;
    };
    expect(placement(own([30, 31]).events(), ks).valid).toBe(true);
    expect(placement(own([30, 36, 37]).events(), ks).valid).toBe(false);
  });

  it("is false for a sustained split when no host came back", () => {
    const v = placement(rejoin([12, 13]).events(), ks);
    expect(v.valid).toBe(false);
  });
});
