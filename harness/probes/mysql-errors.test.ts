import { describe, expect, it } from "vitest";
import { classifyMysqlError } from "./mysql-errors.ts";
import { DefiniteFailure } from "./probe.ts";

describe("classifyMysqlError", () => {
  it("treats a server error reply as definite, keeping its code", () => {
    const e = classifyMysqlError(Object.assign(new Error("Deadlock"), { code: "ER_LOCK_DEADLOCK", errno: 1213, sqlState: "40001" }), true);
    expect(e).toBeInstanceOf(DefiniteFailure);
    expect((e as DefiniteFailure).code).toBe("ER_LOCK_DEADLOCK");
  });

  it("treats a failed connect as definite", () => {
    expect(classifyMysqlError(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }), false)).toBeInstanceOf(DefiniteFailure);
  });

  it("treats a connection lost mid-statement as indeterminate", () => {
    const e = classifyMysqlError(Object.assign(new Error("lost"), { code: "PROTOCOL_CONNECTION_LOST" }), true);
    expect(e).not.toBeInstanceOf(DefiniteFailure);
  });
});
