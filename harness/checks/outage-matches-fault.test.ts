import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { outageMatchesFault } from "./outage-matches-fault.ts";

const opts = { process: "r", toleranceMs: 400 };

function run(pauseFrom: number, pauseTo: number, firstFail: number, firstOkAfter: number) {
  const h = new SyntheticHistory();
  for (let t = 0; t < firstFail; t += 100) h.at(t).call("r", "read", "ok");
  h.at(pauseFrom).fault("pause", "effective", ["vm-3"]);
  h.at(firstFail).call("r", "read", "info");
  h.at(pauseTo).fault("pause", "healed", ["vm-3"]);
  for (let t = firstOkAfter; t < firstOkAfter + 1000; t += 100) h.at(t).call("r", "read", "ok");
  return h.events();
}

describe("outageMatchesFault", () => {
  it("is true when the measured window is the fault's length within tolerance", () => {
    const v = outageMatchesFault(run(1000, 4000, 1500, 4050), opts);
    expect(v.valid).toBe(true);
    expect(v.details.faultMs).toBe(3000);
  });

  it("is false when the window is much longer than the fault", () => {
    expect(outageMatchesFault(run(1000, 4000, 1500, 6000), opts).valid).toBe(false);
  });

  it("widens the tolerance by the fault's own edge uncertainty, and no further", () => {
    const edged = (firstOkAfter: number) => {
      const h = new SyntheticHistory();
      for (let t = 0; t < 1000; t += 100) h.at(t).call("r", "read", "ok");
      h.at(700).fault("cut", "start", ["vm-3"]).at(1000).fault("cut", "effective", ["vm-3"]);
      h.at(1500).call("r", "read", "info");
      h.at(4000).fault("cut", "heal", ["vm-3"]).at(4200).fault("cut", "healed", ["vm-3"]);
      for (let t = firstOkAfter; t < firstOkAfter + 1000; t += 100) h.at(t).call("r", "read", "ok");
      return h.events();
    };
    // Window 900 -> 4800 = 3900 ms against a 3200 ms fault: 700 ms off, inside 400 + 300 + 200.
    expect(outageMatchesFault(edged(4800), opts).details).toMatchObject({ faultMs: 3200, edgeMs: 500, errorMs: 700 });
    expect(outageMatchesFault(edged(4800), opts).valid).toBe(true);
    expect(outageMatchesFault(edged(5100), opts).valid).toBe(false);
  });

  it("with stallMs, measures a freeze in which nothing failed, and is false without it", () => {
    const h = new SyntheticHistory();
    for (let t = 0; t <= 1000; t += 100) h.at(t).call("r", "read", "ok");
    h.at(1000).fault("cut", "effective", ["vm-3"]).at(4000).fault("cut", "healed", ["vm-3"]);
    for (let t = 1100; t < 4000; t += 100) h.at(t).call("r", "read", "ok", { latencyMs: 4000 - t });
    for (let t = 4100; t < 5000; t += 100) h.at(t).call("r", "read", "ok");
    expect(outageMatchesFault(h.events(), { ...opts, stallMs: 500 })).toMatchObject({ valid: true, details: { measuredMs: 3000 } });
    expect(outageMatchesFault(h.events(), opts).details.reason).toBe("0 outage windows, want 1");
  });

  it("is unknown without a healed fault", () => {
    const h = new SyntheticHistory().at(0).call("r", "read", "ok").at(10).fault("pause", "effective", ["x"]);
    expect(outageMatchesFault(h.events(), opts).valid).toBe("unknown");
  });
});
