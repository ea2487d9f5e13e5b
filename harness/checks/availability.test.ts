import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { availability, type ProbeAvailability } from "./availability.ts";

/** mysql every 100 ms over 0..10 s, failing in [2 s, 4 s) under a kill; keystone failing in [6 s, 6.5 s) under a pause. */
function history(): SyntheticHistory {
  const h = new SyntheticHistory();
  for (let t = 0; t <= 10_000; t += 100) {
    if (t === 1_900) h.at(t).fault("kill", "start", ["vm-1"]).fault("kill", "effective", ["vm-1"]);
    if (t === 4_500) h.at(t).fault("kill", "heal", ["vm-1"]).fault("kill", "healed", ["vm-1"]);
    if (t === 5_900) h.at(t).fault("pause", "start", ["controller-1"]);
    if (t === 6_600) h.at(t).fault("pause", "healed", ["controller-1"]);
    h.at(t).call("mysql", "insert", t >= 2_000 && t < 4_000 ? "fail" : "ok");
    h.at(t).call("keystone", "issue", t >= 6_000 && t < 6_500 ? "fail" : "ok");
  }
  return h;
}
const probe = (v: ReturnType<typeof availability>, p: string) => (v.details.probes as Record<string, ProbeAvailability>)[p]!;

describe("availability", () => {
  it("reports availability, longest outage and outages per fault kind, valid without thresholds", () => {
    const v = availability(history().events());
    expect(v.valid).toBe(true);
    const m = probe(v, "mysql");
    // Window from the last ok (1.9 s) to the first ok after (4.0 s): 2.1 s of 10 s.
    expect(m).toMatchObject({ ops: 101, observedMs: 10_000, downMs: 2_100, pct: 79, longestOutageMs: 2_100, outages: 1, byFault: { kill: 1 } });
    expect(probe(v, "keystone")).toMatchObject({ longestOutageMs: 600, pct: 94, byFault: { pause: 1 } });
    expect(v.details.outagesByFault).toEqual({ kill: 1, pause: 1 });
    expect(v.details.longestOutageMs).toBe(2_100);
    expect(v.details.lowest).toBe("mysql 79%");
  });

  it("says false when a configured threshold is missed, naming the probe", () => {
    const low = availability(history().events(), { minPct: 90 });
    expect(low.valid).toBe(false);
    expect(low.details.misses).toEqual(["mysql: available 79% < 90%"]);
    const long = availability(history().events(), { maxOutageMs: { keystone: 500 } });
    expect(long.valid).toBe(false);
    expect(long.details.misses).toEqual(["keystone: longest outage 600 ms > 500 ms"]);
  });

  it("is true when every configured threshold is met", () => {
    expect(availability(history().events(), { minPct: { mysql: 75, keystone: 90 }, maxOutageMs: 3_000 }).valid).toBe(true);
  });

  it("counts an outage with no fault in force, or long after a heal, as 'none'", () => {
    const h = new SyntheticHistory();
    h.at(0).fault("kill", "start", ["vm-1"]).at(100).fault("kill", "healed", ["vm-1"]);
    for (let t = 0; t <= 5_000; t += 100) h.at(t).call("glance", "download", t === 3_000 ? "fail" : "ok");
    expect(availability(h.events(), { graceMs: 1_000 }).details.outagesByFault).toEqual({ none: 1 });
    expect(availability(h.events(), { graceMs: 5_000 }).details.outagesByFault).toEqual({ kill: 1 });
  });

  it("groups fault names by their kind before the colon", () => {
    const h = new SyntheticHistory();
    h.at(0).call("keystone", "issue", "ok");
    h.at(50).fault("kill-process:keystone", "start", ["controller-1"]);
    h.at(100).call("keystone", "issue", "fail").at(200).call("keystone", "issue", "ok");
    expect(availability(h.events()).details.outagesByFault).toEqual({ "kill-process": 1 });
  });

  it("is unknown, never 100 %, for a probe with no observed time (one hung op next to a 10 s outage)", () => {
    const h = new SyntheticHistory().at(0).invoke("keystone", "issue");
    for (let t = 0; t <= 10_000; t += 100) h.at(t).call("mysql", "insert", "ok");
    const v = availability(h.events());
    expect(v.valid).toBe("unknown");
    expect(probe(v, "keystone")).toMatchObject({ ops: 1, observedMs: 0, pct: Number.NaN });
    expect(v.details).toMatchObject({ unobserved: ["keystone"], lowest: "mysql 100%" });
    // A bound still judges the outage it saw: the open window of the hung op is 10 s long.
    expect(availability(h.events(), { maxOutageMs: 5_000 }).valid).toBe(false);
    expect(availability(h.events(), { minPct: 99 }).valid).toBe("unknown");
  });

  it("is unknown with no ops, or for a listed probe that never ran", () => {
    expect(availability(new SyntheticHistory().at(0).phase("x").events()).valid).toBe("unknown");
    expect(availability(history().events(), { processes: ["mysql", "amqp-publish"] }).valid).toBe("unknown");
  });
});
