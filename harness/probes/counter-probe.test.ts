import { describe, expect, it } from "vitest";
import { counterRow, isDeadlock } from "./counter-probe.ts";
import { classifyMysqlError } from "./mysql-errors.ts";

describe("isDeadlock", () => {
  it("recognises a 1213 by mysql2 code, errno, or a classified failure's code", () => {
    const raw = Object.assign(new Error("Deadlock found when trying to get lock"), { code: "ER_LOCK_DEADLOCK", errno: 1213, sqlState: "40001" });
    expect(isDeadlock(raw)).toBe(true);
    expect(isDeadlock({ errno: 1213 })).toBe(true);
    expect(isDeadlock(classifyMysqlError(raw, true))).toBe(true);
  });

  it("rejects other errors", () => {
    expect(isDeadlock(Object.assign(new Error("WSREP has not yet prepared node"), { code: "ER_UNKNOWN_COM_ERROR", errno: 1047 }))).toBe(false);
    expect(isDeadlock(new Error("connect ECONNREFUSED"))).toBe(false);
    expect(isDeadlock(undefined)).toBe(false);
  });
});

describe("counterRow", () => {
  it("maps [0, 1) onto ids 1..rows", () => {
    expect(counterRow(3, 0)).toBe(1);
    expect(counterRow(3, 0.5)).toBe(2);
    expect(counterRow(3, 0.9999)).toBe(3);
    expect(counterRow(1, 0.7)).toBe(1);
  });
});
