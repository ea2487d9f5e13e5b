import { describe, expect, it } from "vitest";
import { Redactor, resolveSecret, SecretError, secretsFileModeOk } from "./secrets.ts";

describe("secrets", () => {
  it("resolves from the environment and names the variable, never a value, when it is unset", () => {
    expect(resolveSecret({ env: "DB_PW" }, "credentials.database.password", { DB_PW: "pw-1234" })).toBe("pw-1234");
    expect(resolveSecret({ value: "inline-pw" }, "x", {})).toBe("inline-pw");
    expect(() => resolveSecret({ env: "DB_PW" }, "credentials.database.password", {})).toThrow(new SecretError("credentials.database.password", "environment variable DB_PW is not set"));
  });

  it("accepts 0600 and 0400 only", () => {
    expect(secretsFileModeOk(0o100600)).toBe(true);
    expect(secretsFileModeOk(0o400)).toBe(true);
    expect(secretsFileModeOk(0o640)).toBe(false);
    expect(secretsFileModeOk(0o604)).toBe(false);
  });

  it("masks every registered value, longest first, in text and in nested values", () => {
    const r = new Redactor();
    r.add("hunter22");
    r.add("hunter22-long");
    r.add("hunter22");
    expect(r.redact("a=hunter22-long b=hunter22 c=hunter2")).toBe("a=[redacted] b=[redacted] c=hunter2");
    expect(r.redactDeep({ cmd: ["mysql", "-phunter22"], n: 3, nested: { s: "hunter22" } })).toEqual({ cmd: ["mysql", "-p[redacted]"], n: 3, nested: { s: "[redacted]" } });
    expect(() => r.add("abc")).toThrow(/shorter than 4/);
  });
});
