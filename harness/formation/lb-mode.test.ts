import { describe, expect, it } from "vitest";
import { backendSetIs } from "./lb-mode.ts";
import type { HaproxyServerStat } from "../observe/lb-status.ts";

const row = (name: string, status: string, backup: boolean, proxy = "galera"): HaproxyServerStat => ({ proxy, name, status, backup });
const nodes = ["vm-1", "vm-2", "vm-3"];

describe("backendSetIs", () => {
  const single = [row("vm-1", "UP", false), row("vm-2", "UP", true), row("vm-3", "UP", true)];
  const multi = [row("vm-1", "UP", false), row("vm-2", "UP", false), row("vm-3", "UP", false)];

  it("recognises the single-writer set (writer normal, others backup)", () => {
    expect(backendSetIs(single, "single-writer", "vm-1", nodes)).toBe(true);
    expect(backendSetIs(single, "multi-writer", "vm-1", nodes)).toBe(false);
  });

  it("recognises the multi-writer set (no backup)", () => {
    expect(backendSetIs(multi, "multi-writer", "vm-1", nodes)).toBe(true);
    expect(backendSetIs(multi, "single-writer", "vm-1", nodes)).toBe(false);
  });

  it("requires every backend listed and UP, in the DB proxy", () => {
    expect(backendSetIs(multi.slice(0, 2), "multi-writer", "vm-1", nodes)).toBe(false);
    expect(backendSetIs([...multi.slice(0, 2), row("vm-3", "DOWN 1/2", false)], "multi-writer", "vm-1", nodes)).toBe(false);
    expect(
      backendSetIs(
        multi.map((r) => ({ ...r, proxy: "stats" })),
        "multi-writer",
        "vm-1",
        nodes,
      ),
    ).toBe(false);
    expect(backendSetIs([...multi.slice(0, 2), row("vm-3", "UP 1/2", false)], "multi-writer", "vm-1", nodes)).toBe(true);
  });
});
