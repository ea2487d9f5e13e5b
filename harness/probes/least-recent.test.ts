import { describe, expect, it } from "vitest";
import { LeastRecent } from "./least-recent.ts";

describe("LeastRecent", () => {
  it("visits every item before repeating one, even while items keep arriving", () => {
    const p = new LeastRecent<number>();
    const seen: number[] = [];
    let n = 0;
    for (let i = 0; i < 300; i++) {
      if (i % 3 === 0) p.add(n++);
      else seen.push(p.next());
    }
    // Everything added in the first half was handed out at least once in the second half.
    const late = new Set(seen.slice(seen.length / 2));
    for (let k = 0; k < n / 2; k++) expect(late.has(k)).toBe(true);
  });

  it("hands out a new item before old ones", () => {
    const p = new LeastRecent<string>();
    p.add("a");
    expect(p.next()).toBe("a");
    p.add("b");
    expect(p.next()).toBe("b");
  });

  it("throws when empty", () => {
    expect(() => new LeastRecent<string>().next()).toThrow(/empty/);
  });
});
