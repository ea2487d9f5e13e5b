import { describe, expect, it } from "vitest";
import { compose, guard, worst } from "./compose.ts";
import type { Verdict } from "./verdict.ts";

const T: Verdict = { valid: true, details: {} };
const F: Verdict = { valid: false, details: {} };
const U: Verdict = { valid: "unknown", details: {} };

describe("compose", () => {
  it("is true only when every verdict is true", () => {
    expect(compose({ a: T, b: T }).valid).toBe(true);
    expect(compose([T, T]).valid).toBe(true);
  });

  it("lets false beat unknown and unknown beat true, naming them", () => {
    const v = compose({ a: T, b: U, c: F });
    expect(v.valid).toBe(false);
    expect(v.details).toMatchObject({ failed: ["c"], unknown: ["b"] });
    expect(compose([T, U]).valid).toBe("unknown");
  });

  it("is unknown for no verdicts and for a malformed one", () => {
    expect(compose([]).valid).toBe("unknown");
    expect(compose({ a: T, b: { valid: "yes" } as unknown as Verdict }).valid).toBe("unknown");
    expect(worst([])).toBe("unknown");
  });
});

describe("guard", () => {
  it("passes a verdict through", () => {
    expect(guard("ok", (x: number) => ({ valid: x > 0, details: {} }))(1).valid).toBe(true);
  });

  it("turns a throw into unknown with the error, never true", () => {
    const v = guard("boom", () => {
      throw new RangeError("bad mono");
    })();
    expect(v).toEqual({ valid: "unknown", details: { check: "boom", error: "RangeError: bad mono" } });
  });

  it("turns a non-verdict result into unknown", () => {
    expect(guard("bad", () => undefined as unknown as Verdict)().valid).toBe("unknown");
  });

  it("is false when the check says false", () => {
    expect(guard("f", () => F)().valid).toBe(false);
  });
});
