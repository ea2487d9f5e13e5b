import { describe, expect, it } from "vitest";
import { renderIni } from "./ini-conf.ts";

describe("renderIni", () => {
  it("renders sections and keys in order", () => {
    expect(renderIni({ DEFAULT: { a: 1, b: true }, x: { c: "d" } }, "# h")).toBe("# h\n\n[DEFAULT]\na = 1\nb = true\n\n[x]\nc = d\n");
  });
  it("rejects values that would inject lines", () => {
    expect(() => renderIni({ s: { k: "v\n[evil]" } })).toThrow(/\[s\] k/);
  });
});
