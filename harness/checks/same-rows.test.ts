import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { sameRows } from "./same-rows.ts";

describe("sameRows", () => {
  it("is true when every node read the same rows", () => {
    const h = new SyntheticHistory().sample("rows:vm-1", [1, 2, 3]).sample("rows:vm-2", [3, 2, 1]).sample("rows:vm-3", ["1", "2", "3"]);
    const v = sameRows(h.events());
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ rows: 3, counts: { "vm-1": 3, "vm-2": 3, "vm-3": 3 } });
  });

  it("is false when a node lacks a row, naming the node and the row", () => {
    const h = new SyntheticHistory().sample("rows:vm-1", [1, 2, 3]).sample("rows:vm-2", [1, 3]).sample("rows:vm-3", [1, 2, 3]);
    const v = sameRows(h.events());
    expect(v.valid).toBe(false);
    expect(v.details.missing).toEqual({ "vm-2": [2] });
  });

  it("is false when a node holds a row twice", () => {
    const h = new SyntheticHistory().sample("rows:vm-1", [1, 2]).sample("rows:vm-2", [1, 2, 2]);
    expect(sameRows(h.events()).details.duplicates).toEqual(["vm-2"]);
    expect(sameRows(h.events()).valid).toBe(false);
  });

  it("judges the last read of each node", () => {
    const h = new SyntheticHistory().sample("rows:vm-1", [1]).sample("rows:vm-2", [1, 2]).at(10).sample("rows:vm-1", [1, 2]);
    expect(sameRows(h.events()).valid).toBe(true);
  });

  it("is unknown with one node read, or a malformed read", () => {
    expect(sameRows(new SyntheticHistory().sample("rows:vm-1", [1]).events()).valid).toBe("unknown");
    expect(sameRows(new SyntheticHistory().events()).valid).toBe("unknown");
    const bad = new SyntheticHistory().sample("rows:vm-1", [1]).sample("rows:vm-2", { n: 1 });
    expect(sameRows(bad.events()).valid).toBe("unknown");
  });
});
