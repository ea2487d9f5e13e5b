import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { ackedWrites } from "./acked-writes.ts";

function writes(): SyntheticHistory {
  return new SyntheticHistory()
    .at(0)
    .call("mysql", "insert", "ok", { value: 1 })
    .at(10)
    .call("mysql", "insert", "ok", { value: 2 })
    .at(20)
    .call("mysql", "insert", "info", { value: 3 })
    .at(30)
    .call("mysql", "insert", "fail", { value: 4 })
    .at(40)
    .invoke("mysql", "insert", { value: 5 });
}

describe("ackedWrites", () => {
  it("is true when every acked write is on every node; indeterminate ones may or may not be", () => {
    const h = writes().at(100).sample("rows:vm-1", [1, 2, 3]).sample("rows:vm-2", [1, 2, 5]).sample("rows:vm-3", ["1", "2"]);
    const v = ackedWrites(h.events());
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ acked: 2, indeterminate: 3, indeterminatePresent: { "vm-1": 1, "vm-2": 1, "vm-3": 0 } });
  });

  it("is false when an acked write is missing on a node", () => {
    const h = writes().at(100).sample("rows:vm-1", [1, 2]).sample("rows:vm-2", [1]);
    const v = ackedWrites(h.events());
    expect(v.valid).toBe(false);
    expect(v.details.lost).toEqual({ "vm-2": [2] });
  });

  it("is false when a node holds a row never attempted", () => {
    const v = ackedWrites(writes().at(100).sample("rows:vm-1", [1, 2, 99]).events());
    expect(v.valid).toBe(false);
    expect(v.details.phantom).toEqual({ "vm-1": [99] });
  });

  it("is unknown without final reads, with a malformed one, or with no acked write", () => {
    expect(ackedWrites(writes().events()).valid).toBe("unknown");
    expect(ackedWrites(writes().at(100).sample("rows:vm-1", "1,2").events()).valid).toBe("unknown");
    const none = new SyntheticHistory().at(0).call("mysql", "insert", "fail", { value: 1 }).sample("rows:vm-1", []);
    expect(ackedWrites(none.events()).valid).toBe("unknown");
  });

  it("takes final rows from options, preferring history samples for the same node", () => {
    const h = writes().at(100).sample("rows:vm-1", [1, 2]);
    expect(ackedWrites(h.events(), { finalRows: { "vm-1": [], "vm-2": [1, 2] } }).valid).toBe(true);
    expect(ackedWrites(writes().events(), { finalRows: { "vm-2": [1] } }).valid).toBe(false);
  });

  it("uses the last sample of a node", () => {
    const h = writes().at(100).sample("rows:vm-1", [1]).at(200).sample("rows:vm-1", [1, 2]);
    expect(ackedWrites(h.events()).valid).toBe(true);
  });
});
