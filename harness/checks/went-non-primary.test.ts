import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { wentNonPrimary } from "./went-non-primary.ts";

const primary = { size: 3, status: "Primary", state: "Synced", ready: true };
const nonPrimary = { size: 1, status: "non-Primary", state: "Initialized", ready: false };
const down = { size: 0, status: "down", state: "down", ready: false };
const opts = { node: "vm-1", withinMs: 30_000, fault: "partition" };

/** vm-1 sampled Primary, then cut off at 1 s; healed at `healMs`. */
function cut(healMs = 60_000): SyntheticHistory {
  return new SyntheticHistory().at(0).sample("wsrep:vm-1", primary).at(1000).fault("partition", "effective", ["vm-1"]).at(healMs).fault("partition", "healed", ["vm-1"]);
}

describe("wentNonPrimary", () => {
  it("is true when a sample inside the fault window says non-Primary within the bound, with its time", () => {
    const h = cut().at(3000).sample("wsrep:vm-1", primary).at(7000).sample("wsrep:vm-1", nonPrimary);
    const v = wentNonPrimary(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ node: "vm-1", nonPrimaryAfterMs: 6000 });
  });

  it("is false when non-Primary shows only after the bound", () => {
    const h = cut().at(5000).sample("wsrep:vm-1", primary).at(45_000).sample("wsrep:vm-1", nonPrimary);
    expect(wentNonPrimary(h.events(), opts)).toMatchObject({ valid: false, details: { nonPrimaryAfterMs: 44_000 } });
  });

  it("is false when the node still says Primary past the bound", () => {
    const h = cut().at(5000).sample("wsrep:vm-1", primary).at(40_000).sample("wsrep:vm-1", primary);
    expect(wentNonPrimary(h.events(), opts)).toMatchObject({ valid: false, details: { reason: "still Primary after the bound" } });
  });

  it("does not count a non-Primary sample outside the fault window (before it, or after the heal)", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("wsrep:vm-1", nonPrimary)
      .at(1000)
      .fault("partition", "effective", ["vm-1"])
      .at(40_000)
      .sample("wsrep:vm-1", primary)
      .at(60_000)
      .fault("partition", "healed", ["vm-1"])
      .at(61_000)
      .sample("wsrep:vm-1", nonPrimary);
    expect(wentNonPrimary(h.events(), opts).valid).toBe(false);
  });

  it("is unknown when no sample past the bound answered, or the fault healed before it", () => {
    const silent = cut().at(5000).sample("wsrep:vm-1", primary).at(40_000).sample("wsrep:vm-1", down);
    expect(wentNonPrimary(silent.events(), opts).valid).toBe("unknown");
    const short = cut(20_000).at(5000).sample("wsrep:vm-1", primary);
    expect(wentNonPrimary(short.events(), opts).valid).toBe("unknown");
    expect(wentNonPrimary(new SyntheticHistory().at(0).sample("wsrep:vm-1", nonPrimary).events(), opts).valid).toBe("unknown");
  });
});
