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

  it("is unknown without a healed fault", () => {
    const h = new SyntheticHistory().at(0).call("r", "read", "ok").at(10).fault("pause", "effective", ["x"]);
    expect(outageMatchesFault(h.events(), opts).valid).toBe("unknown");
  });
});
