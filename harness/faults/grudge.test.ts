import { describe, expect, it } from "vitest";
import { bridge, complete, explicit, fromComponents, halves, isEmptyGrudge, isolate, majorityMinority, oneWay, validateGrudge } from "./grudge.ts";

const five = ["n1", "n2", "n3", "n4", "n5"];
const three = ["vm-1", "vm-2", "vm-3"];

describe("grudge builders", () => {
  it("isolate cuts one node off both ways and keeps every node as a key", () => {
    expect(isolate("vm-2", three)).toEqual({ "vm-1": ["vm-2"], "vm-2": ["vm-1", "vm-3"], "vm-3": ["vm-2"] });
    expect(() => isolate("vm-9", three)).toThrow(RangeError);
  });

  it("halves puts the first floor(n/2) nodes against the rest", () => {
    expect(halves(five)).toEqual({
      n1: ["n3", "n4", "n5"],
      n2: ["n3", "n4", "n5"],
      n3: ["n1", "n2"],
      n4: ["n1", "n2"],
      n5: ["n1", "n2"],
    });
    expect(halves(["a"])).toEqual({ a: [] });
  });

  it("majorityMinority cuts a strict minority off and refuses anything else", () => {
    expect(majorityMinority(three, ["vm-3"])).toEqual(isolate("vm-3", three));
    expect(() => majorityMinority(["a", "b", "c", "d"], ["a", "b"])).toThrow(RangeError);
    expect(() => majorityMinority(three, [])).toThrow(RangeError);
    expect(() => majorityMinority(three, ["x"])).toThrow(/not in the node list/);
  });

  it("oneWay makes `to` drop packets from `from`, not the reverse", () => {
    expect(oneWay(["lb-1"], ["lb-2", "lb-3"])).toEqual({ "lb-1": [], "lb-2": ["lb-1"], "lb-3": ["lb-1"] });
    expect(() => oneWay(["a"], ["a"])).toThrow(RangeError);
  });

  it("explicit copies and dedupes", () => {
    const src = { a: ["b", "b"] };
    const g = explicit(src);
    expect(g).toEqual({ a: ["b"] });
    g.a!.push("c");
    expect(src.a).toEqual(["b", "b"]);
  });

  it("bridge keeps the middle node connected to both halves", () => {
    expect(bridge(five)).toEqual({ n1: ["n4", "n5"], n2: ["n4", "n5"], n3: [], n4: ["n1", "n2"], n5: ["n1", "n2"] });
    expect(() => bridge(["a", "b"])).toThrow(RangeError);
  });

  it("fromComponents cuts every component from every other", () => {
    expect(fromComponents([["a"], ["b"], ["c"]])).toEqual({ a: ["b", "c"], b: ["a", "c"], c: ["a", "b"] });
  });
});

describe("validateGrudge", () => {
  it("accepts every built grudge", () => {
    for (const g of [isolate("n1", five), halves(five), bridge(five), majorityMinority(five, ["n4", "n5"])]) {
      expect(validateGrudge(g, five)).toEqual([]);
    }
  });

  it("reports unknown nodes and self-grudges", () => {
    expect(validateGrudge({ a: ["a", "zz"], yy: [] }, ["a", "b"])).toEqual(["a drops its own packets", "a drops unknown node zz", "unknown node yy"]);
  });
});

describe("complete", () => {
  it("makes a one-way grudge symmetric and is idempotent", () => {
    const g = complete(oneWay(["a"], ["b", "c"]));
    expect(g).toEqual({ a: ["b", "c"], b: ["a"], c: ["a"] });
    expect(complete(g)).toEqual(g);
  });

  it("leaves symmetric grudges unchanged and adds missing keys", () => {
    expect(complete(halves(five))).toEqual(halves(five));
    expect(complete({ a: ["b"] })).toEqual({ a: ["b"], b: ["a"] });
  });
});

describe("isEmptyGrudge", () => {
  it("is true only when nothing is dropped", () => {
    expect(isEmptyGrudge({ a: [], b: [] })).toBe(true);
    expect(isEmptyGrudge(isolate("a", ["a", "b"]))).toBe(false);
  });
});
