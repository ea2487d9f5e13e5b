import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { outage } from "./outage.ts";

const probe = (h: SyntheticHistory, ms: number, type: "ok" | "fail" | "info", latencyMs = 0) => h.at(ms).call("tcp:db", "connect", type, { latencyMs });

function run(spec: [number, "ok" | "fail" | "info"][]): SyntheticHistory {
  const h = new SyntheticHistory();
  for (const [ms, type] of spec) probe(h, ms, type);
  return h;
}

describe("outage", () => {
  it("an open loop's op that hung through a closed window opens no new one", () => {
    const h = new SyntheticHistory();
    probe(h, 0, "ok");
    probe(h, 100, "info", 3000); // hung: completes info at 3100, after the service answered again
    probe(h, 200, "fail");
    probe(h, 300, "ok");
    probe(h, 400, "ok");
    const v = outage(h.events(), { maxOutageMs: 500 });
    const p = (v.details.processes as Record<string, any>)["tcp:db"];
    expect(p.windows).toEqual([{ startMs: 0, endMs: 300, lengthMs: 300, narrowStartMs: 200, narrowMs: 100, failedOps: 1, recovered: true }]);
    expect(v.valid).toBe(true);
    // The same hang invoked after the last ok is a failure of its own, and here too long.
    const late = new SyntheticHistory();
    probe(late, 0, "ok");
    probe(late, 100, "info", 3000);
    probe(late, 3200, "ok");
    expect(outage(late.events(), { maxOutageMs: 500 }).valid).toBe(false);
    // An op invoked before the cut that hangs and then succeeds last changes nothing: the failure invoked after it
    // but before the ok at 3600 is as stale as ever (measured in CI: a second 20 ms window from exactly this).
    const lateOk = new SyntheticHistory();
    probe(lateOk, 0, "ok");
    probe(lateOk, 100, "ok", 4000); // invoked before the cut, completes ok at 4100
    probe(lateOk, 200, "info", 3950); // invoked during the cut, times out at 4150
    probe(lateOk, 300, "fail", 100); // refused at 400: the window opens
    probe(lateOk, 3500, "ok", 100); // the service answers again at 3600
    const w = outage(lateOk.events()).details.processes as Record<string, any>;
    expect(w["tcp:db"].windows).toHaveLength(1);
    expect(w["tcp:db"].windows[0]).toMatchObject({ startMs: 0, endMs: 3600 });
  });

  it("with stallMs, a frozen service's gap between oks is a window although nothing failed", () => {
    const h = new SyntheticHistory();
    probe(h, 0, "ok");
    probe(h, 100, "ok", 3000); // frozen from 100 to 3100: every op in between completes at the thaw
    probe(h, 200, "ok", 2900);
    probe(h, 3200, "ok");
    expect(outage(h.events(), { maxOutageMs: 1000 }).valid).toBe(true);
    const v = outage(h.events(), { maxOutageMs: 1000, stallMs: 500 });
    expect(v.valid).toBe(false);
    expect(v.metric).toBe(3100);
    expect((v.details.processes as Record<string, any>)["tcp:db"].windows[0]).toMatchObject({ startMs: 0, endMs: 3100, failedOps: 0 });
  });

  it("measures a window from the last ok to the first ok after, with the narrow bound", () => {
    const h = run([
      [0, "ok"],
      [100, "ok"],
      [200, "fail"],
      [300, "info"],
      [400, "ok"],
      [500, "ok"],
    ]);
    const v = outage(h.events(), { maxOutageMs: 500 });
    expect(v.valid).toBe(true);
    const p = (v.details.processes as Record<string, any>)["tcp:db"];
    expect(p.windows).toEqual([{ startMs: 100, endMs: 400, lengthMs: 300, narrowStartMs: 200, narrowMs: 200, failedOps: 2, recovered: true }]);
    expect(p).toMatchObject({ maxMs: 300, totalMs: 300, count: 1 });
    expect(v.metric).toBe(300);
  });

  it("is false when a window exceeds maxOutageMs", () => {
    const h = run([
      [0, "ok"],
      [100, "fail"],
      [2000, "ok"],
    ]);
    expect(outage(h.events(), { maxOutageMs: 1000 }).valid).toBe(false);
  });

  it("is false when the probe never recovers, measuring to the history end", () => {
    const h = run([
      [0, "ok"],
      [100, "fail"],
      [200, "fail"],
    ])
      .at(900)
      .phase("teardown");
    const v = outage(h.events());
    expect(v.valid).toBe(false);
    const w = (v.details.processes as Record<string, any>)["tcp:db"].windows[0];
    expect(w).toMatchObject({ startMs: 0, endMs: 900, recovered: false });
  });

  it("opens a window at the first op when the probe starts failing", () => {
    const h = new SyntheticHistory().at(0).phase("start");
    probe(h, 50, "fail");
    probe(h, 150, "ok");
    const w = (outage(h.events()).details.processes as Record<string, any>)["tcp:db"].windows[0];
    expect(w).toMatchObject({ startMs: 50, endMs: 150, lengthMs: 100 });
  });

  it("orders by completion time and treats an unfinished invoke as a failure at its invoke", () => {
    const h = new SyntheticHistory();
    probe(h, 0, "ok");
    h.at(100).invoke("tcp:db", "connect");
    probe(h, 150, "ok", 50);
    const w = (outage(h.events()).details.processes as Record<string, any>)["tcp:db"].windows;
    expect(w).toEqual([expect.objectContaining({ startMs: 0, endMs: 200, recovered: true })]);
  });

  it("reports zero windows for a healthy probe and filters by f", () => {
    const h = run([
      [0, "ok"],
      [100, "ok"],
    ])
      .at(150)
      .call("tcp:db", "other", "fail");
    const v = outage(h.events(), { f: "connect", maxOutageMs: 0 });
    expect(v.valid).toBe(true);
    expect((v.details.processes as Record<string, any>)["tcp:db"].count).toBe(0);
  });

  it("is unknown with no ops, or for a listed process without ops", () => {
    expect(outage(new SyntheticHistory().events()).valid).toBe("unknown");
    const h = run([[0, "ok"]]);
    expect(outage(h.events(), { processes: ["tcp:db", "tcp:mq"] }).valid).toBe("unknown");
  });

  it("judges each process separately: one bad process makes it false", () => {
    const h = run([
      [0, "ok"],
      [100, "ok"],
    ]);
    h.at(0).call("tcp:mq", "connect", "ok").at(10).call("tcp:mq", "connect", "fail");
    const v = outage(h.events());
    expect(v.valid).toBe(false);
    expect((v.details.verdicts as Record<string, any>)["tcp:db"].valid).toBe(true);
  });
});
