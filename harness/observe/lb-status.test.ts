import { describe, expect, it } from "vitest";
import { activeBackend, parseShowStat } from "./lb-status.ts";

const header = "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck";
const row = (sv: string, status: string, act: number, bck: number) => `galera,${sv},0,0,0,0,,0,0,0,,0,,0,0,0,0,${status},1,${act},${bck}`;
const csv = (...rows: string[]) => [header, "galera,FRONTEND,,,0,0,4096,0,0,0,0,0,0,,,,,OPEN,,,", ...rows, "galera,BACKEND,0,0,0,0,410,0,0,0,0,0,,0,0,0,0,UP,1,1,2", ""].join("\n");

describe("parseShowStat + activeBackend", () => {
  it("reads server rows only", () => {
    const rows = parseShowStat(csv(row("vm-1", "UP", 1, 0), row("vm-2", "UP", 0, 1)));
    expect(rows).toEqual([
      { proxy: "galera", name: "vm-1", status: "UP", backup: false },
      { proxy: "galera", name: "vm-2", status: "UP", backup: true },
    ]);
  });

  it("prefers the writer, then the first UP backup", () => {
    expect(activeBackend(parseShowStat(csv(row("vm-1", "UP", 1, 0), row("vm-2", "UP", 0, 1), row("vm-3", "UP", 0, 1))))).toBe("vm-1");
    expect(activeBackend(parseShowStat(csv(row("vm-1", "DOWN", 1, 0), row("vm-2", "DOWN", 0, 1), row("vm-3", "UP", 0, 1))))).toBe("vm-3");
    expect(activeBackend(parseShowStat(csv(row("vm-1", "UP 1/2", 1, 0), row("vm-2", "UP", 0, 1))))).toBe("vm-1");
  });

  it("is null when nothing is up", () => {
    expect(activeBackend(parseShowStat(csv(row("vm-1", "DOWN", 1, 0), row("vm-2", "MAINT", 0, 1))))).toBeNull();
    expect(activeBackend(parseShowStat(""))).toBeNull();
  });
});
