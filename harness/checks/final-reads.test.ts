import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { asNumber, finalReads } from "./final-reads.ts";

describe("finalReads", () => {
  it("takes the last sample per node over the fallback and flags malformed values", () => {
    const h = new SyntheticHistory().at(0).sample("rows:a", [1]).at(10).sample("rows:a", ["1", 2]).sample("rows:b", "oops");
    expect(finalReads(h.events(), { kind: "rows" }, { a: [], c: [3] })).toEqual({ a: [1, 2], b: undefined, c: [3] });
  });

  it("parses numbers and decimal strings only", () => {
    expect(asNumber("42")).toBe(42);
    expect(asNumber(-1.5)).toBe(-1.5);
    expect(asNumber("4x")).toBeUndefined();
    expect(asNumber(Number.NaN)).toBeUndefined();
  });
});
