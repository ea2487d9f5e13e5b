import { describe, expect, it } from "vitest";
import { descendants, groupOf, groupTicks, parsePidStat } from "./process-cpu.ts";
import { processCpuBetween } from "./process-cpu-over.ts";

// Fields 3..22 then the rest: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt UTIME STIME CUTIME CSTIME prio nice threads itreal STARTTIME ...
const line = (pid: number, comm: string, ppid: number, utime: number, stime: number, reaped = [0, 0], start = 5000) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 1200 0 3 0 ${utime} ${stime} ${reaped[0]} ${reaped[1]} 20 0 12 0 ${start} 1900000000 20000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n`;

describe("process cpu (/proc/<pid>/stat)", () => {
  it("reads utime (field 14), stime (15), reaped children (16+17), starttime (22) from a literal line", () => {
    const s = parsePidStat("812 (dockerd) S 1 812 812 0 -1 4194560 53172 0 120 0 4411 2730 7 3 20 0 31 0 1710 2481209344 24190 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
    expect(s).toEqual({ pid: 812, comm: "dockerd", ppid: 1, utime: 4411, stime: 2730, reaped: 10, starttime: 1710 });
  });

  it("parses a comm holding spaces and ')' from the last ')'", () => {
    const s = parsePidStat(line(4242, "a) (b c) d", 7, 11, 22));
    expect(s).toMatchObject({ pid: 4242, comm: "a) (b c) d", ppid: 7, utime: 11, stime: 22, starttime: 5000 });
  });

  it("refuses a malformed line instead of giving NaN", () => {
    expect(() => parsePidStat("garbage")).toThrow(/no \(comm\)/);
    expect(() => parsePidStat("12 (x) S 1 2")).toThrow(/field 14/);
  });

  it("groups by comm: dockerd, containerd and its shims, runc, beam.smp, mysqld and mariadbd, else other", () => {
    const g = ["dockerd", "containerd", "containerd-shim", "runc", "runc:[2:INIT]", "beam.smp", "mysqld", "mariadbd", "haproxy", "node"].map(groupOf);
    expect(g).toEqual(["dockerd", "containerd", "containerd", "runc", "runc", "beam.smp", "mysqld", "mysqld", "other", "other"]);
  });

  it("finds descendants through ppid, whatever the order of the list", () => {
    const stats = [line(30, "sh", 20, 0, 0), line(20, "node", 10, 0, 0), line(10, "node", 1, 0, 0), line(40, "cat", 1, 0, 0)].map(parsePidStat);
    expect([...descendants(stats, 10)].sort()).toEqual([10, 20, 30]);
  });

  it("keeps a dockerd this process spawned, and what runs under it, out of the harness group", () => {
    const mine = [line(10, "node", 1, 0, 0), line(11, "dockerd", 10, 50, 50), line(12, "containerd", 11, 20, 0), line(13, "haproxy", 12, 7, 0), line(14, "getconf", 10, 1, 0)];
    const t = groupTicks([], mine.map(parsePidStat), 10);
    expect(t.own).toMatchObject({ harness: 1, dockerd: 100, containerd: 20, other: 7 });
  });

  const before = [
    line(1, "systemd", 0, 100, 100),
    line(812, "dockerd", 1, 4000, 2000),
    line(900, "containerd-shim", 1, 50, 50, [10, 5]),
    line(1000, "node", 1, 700, 300),
    line(1100, "beam.smp", 900, 9000, 1000),
    line(1200, "mariadbd", 900, 3000, 1000),
    line(1300, "gone", 1, 5, 5),
    line(1400, "reused", 1, 1, 1),
  ].map(parsePidStat);
  const after = [
    line(1, "systemd", 0, 100, 100),
    line(812, "dockerd", 1, 4040, 2020), // +60
    line(900, "containerd-shim", 1, 55, 55, [40, 15]), // +10 own, +40 reaped
    line(1000, "node", 1, 730, 310), // self: +40
    line(1001, "sh", 1000, 2, 3), // harness child, new: +5
    line(1100, "beam.smp", 900, 9080, 1020), // +100
    line(1200, "mariadbd", 900, 3020, 1010), // +30
    line(1400, "reused", 1, 7, 8, [0, 0], 9999), // pid reused: all 15 are new
    line(1500, "runc", 900, 4, 1), // new: +5
  ].map(parsePidStat);

  it("attributes deltas by group, counts a new or reused pid in full, loses one that exited, and ranks commands", () => {
    const t = groupTicks(before, after, 1000, 3);
    expect(t.own).toEqual({ harness: 45, dockerd: 60, containerd: 10, runc: 5, "beam.smp": 100, mysqld: 30, other: 15 });
    expect(t.reaped).toMatchObject({ containerd: 40, harness: 0 });
    expect(t.top).toEqual([
      { comm: "beam.smp", group: "beam.smp", ticks: 100 },
      { comm: "dockerd", group: "dockerd", ticks: 60 },
      { comm: "node", group: "harness", ticks: 40 },
    ]);
  });

  it("turns ticks into % of the whole machine, the rest (busy minus steal minus groups) unattributed", () => {
    // 1000 jiffies elapsed over all cores; 350 busy, of it 20 steal; groups own 265.
    const machine = { busyPercent: 35, userPercent: 20, systemPercent: 13, stealPercent: 2, iowaitPercent: 0, elapsedJiffies: 1000 };
    const p = processCpuBetween(machine, before, after, 1000, 100)!;
    expect(p.groupsPercent.dockerd).toBeCloseTo(6, 10);
    expect(p.groupsPercent["beam.smp"]).toBeCloseTo(10, 10);
    expect(p.unattributedPercent).toBeCloseTo(35 - 2 - 26.5, 10);
    expect(p.reapedPercent.containerd).toBeCloseTo(4, 10);
    expect(p.cpuSeconds.harness).toBeCloseTo(0.45, 10);
    expect(processCpuBetween(undefined, before, after, 1000, 100)).toBeUndefined();
  });
});
