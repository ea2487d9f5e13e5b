import { describe, expect, it } from "vitest";
import { parseSets, withMutations } from "./set-option.ts";
import { UsageError } from "../validation/usage-error.ts";

describe("--set parsing", () => {
  it("nests dotted paths and parses numbers and booleans", () => {
    expect(parseSets(["galera.mode=multi-writer", "tunables.corosyncTokenMs=5000", "x.y=true"])).toEqual({
      galera: { mode: "multi-writer" },
      tunables: { corosyncTokenMs: 5000 },
      x: { y: true },
    });
  });

  it("rejects entries without a value", () => {
    expect(() => parseSets(["galera.mode"])).toThrow(UsageError);
    expect(() => parseSets(["=x"])).toThrow(/path=value/);
  });
});

describe("withMutations", () => {
  it("adds the mutations only when some are given", () => {
    expect(withMutations({ a: 1 }, [])).toEqual({ a: 1 });
    expect(withMutations({ a: 1 }, ["lb-no-healthcheck"])).toEqual({ a: 1, mutations: ["lb-no-healthcheck"] });
  });
});
