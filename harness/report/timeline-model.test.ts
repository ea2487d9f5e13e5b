import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { timelineModel } from "./timeline-model.ts";

describe("timelineModel", () => {
  it("builds one probe lane per process with ops in ms and the outage check's windows", () => {
    const h = new SyntheticHistory();
    h.at(0).call("mysql", "insert", "ok", { latencyMs: 10 }).at(100).call("mysql", "insert", "fail", { latencyMs: 50 });
    h.at(400).call("mysql", "insert", "ok").at(500).invoke("mysql", "insert");
    h.at(600).call("amqp", "publish", "ok");
    const m = timelineModel(h.events());
    expect(m.endMs).toBe(600);
    expect(m.probes.map((p) => p.process)).toEqual(["mysql", "amqp"]);
    const mysql = m.probes[0]!;
    expect(mysql.ops[1]).toEqual({ startMs: 100, endMs: 150, type: "fail", f: "insert", open: false });
    expect(mysql.ops[3]).toMatchObject({ startMs: 500, endMs: 600, type: "info", open: true });
    expect(mysql.outages[0]).toMatchObject({ startMs: 10, endMs: 400, lengthMs: 390, recovered: true });
  });

  it("pairs fault phases into periods, open ones ending at the history end", () => {
    const h = new SyntheticHistory()
      .at(100)
      .fault("kill", "start", ["vm-1"])
      .at(150)
      .fault("kill", "effective", ["vm-1"])
      .at(300)
      .fault("kill", "heal", ["vm-1"])
      .at(400)
      .fault("kill", "healed", ["vm-1"])
      .at(500)
      .fault("kill", "start", ["vm-2"])
      .at(550)
      .fault("netem", "failed", ["lb-1"])
      .at(900)
      .phase("end");
    expect(timelineModel(h.events()).faults).toEqual([
      { name: "kill", targets: ["vm-1"], startMs: 0, effectiveMs: 50, healMs: 200, endMs: 300, end: "healed" },
      { name: "kill", targets: ["vm-2"], startMs: 400, endMs: 800, end: "open" },
      { name: "netem", targets: ["lb-1"], startMs: 450, endMs: 450, end: "failed" },
    ]);
  });

  it("merges VIP samples into holder segments per subject; the last runs to the history end", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("vip:db", ["lb-1"])
      .at(100)
      .sample("vip:db", ["lb-1"])
      .at(200)
      .sample("vip:db", [])
      .at(300)
      .sample("vip:db", ["lb-2", "lb-1"])
      .at(400)
      .sample("vip:db", "garbage")
      .at(500)
      .sample("vip:ctl", ["c-1"])
      .at(700)
      .phase("end");
    const m = timelineModel(h.events());
    expect(m.vips.map((v) => v.subject)).toEqual(["vip:ctl", "vip:db"]);
    expect(m.vips[1]!.segments).toEqual([
      { startMs: 0, endMs: 200, holders: ["lb-1"] },
      { startMs: 200, endMs: 300, holders: [] },
      { startMs: 300, endMs: 400, holders: ["lb-1", "lb-2"] },
      { startMs: 400, endMs: 700, holders: undefined },
    ]);
    expect(m.vipHosts).toEqual(["c-1", "lb-1", "lb-2"]);
  });

  it("is empty for an empty history", () => {
    expect(timelineModel([])).toEqual({ endMs: 0, probes: [], faults: [], vips: [], vipHosts: [] });
  });
});
