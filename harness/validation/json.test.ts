import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issuePath, parseJsonWith } from "./index.ts";

const Schema = z.strictObject({ a: z.object({ b: z.number() }) });

describe("parseJsonWith", () => {
  it("returns the validated data", () => {
    expect(parseJsonWith(Schema, '{"a":{"b":1}}')).toEqual({ ok: true, data: { a: { b: 1 } } });
  });

  it("says not JSON, and names every bad field by its dotted path", () => {
    const notJson = parseJsonWith(Schema, "{");
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.problems[0]).toMatch(/^not JSON: /);
    const bad = parseJsonWith(Schema, '{"a":{"b":"x"},"c":1}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([expect.stringMatching(/^a\.b: .*number/), expect.stringMatching(/^\(root\): .*"c"/)]);
  });

  it("names the value itself (root)", () => {
    expect(issuePath([])).toBe("(root)");
    expect(issuePath(["x", 0, "y"])).toBe("x.0.y");
  });
});
