import { afterEach, describe, expect, it, vi } from "vitest";
import { parseBenchArgs } from "./options.ts";

const args = (...a: string[]) => ["node", "bench", ...a];

describe("bench options", () => {
  afterEach(() => vi.restoreAllMocks());

  it("defaults --observe-seconds to 30 and takes a whole number", () => {
    expect(parseBenchArgs(args()).options.observeSeconds).toBe(30);
    expect(parseBenchArgs(args("--observe-seconds", "12")).options.observeSeconds).toBe(12);
  });

  it.each(["0", "-3", "1.5", "abc"])("exits 2 on --observe-seconds %s", (bad) => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    expect(() => parseBenchArgs(args("--observe-seconds", bad))).toThrow("exit 2");
    expect(exit).toHaveBeenCalledWith(2);
  });
});
