import { describe, expect, it } from "vitest";
import { chainOrder } from "../checks/index.ts";
import { SyntheticHistory } from "../history/index.ts";
import { parsePcmkLog } from "./cw-support.ts";

// Lines as Pacemaker 2.1.5 (Debian bookworm) writes them in /var/log/pacemaker/pacemaker.log.
const boot = (t: string, node = "ctr1") => `Nov 22 ${t} ${node} pacemakerd          [107] (main) 	notice: Starting Pacemaker 2.1.5 | build=a3f44794f94 features:agent-manpages`;
const result = (t: string, op: string, rsc: string, res = "ok", node = "ctr1") =>
  `Nov 22 ${t} ${node} pacemaker-controld  [119] (log_executor_event) 	notice: Result of ${op} operation for ${rsc} on ${node}: ${res} | CIB update 24, graph action confirmed; call=14 key=${rsc}_${op}_0 rc=0`;
const noise = [
  "Nov 22 06:04:17.208 ctr1 pacemaker-execd     [116] (main) 	notice: Starting Pacemaker local executor",
  "Nov 22 06:05:15.196 ctr1 pacemaker-controld  [119] (log_executor_event) 	notice: Result of probe operation for mysqlVIP on ctr1: not running | CIB update 60",
];

describe("parsePcmkLog", () => {
  it("reads boots and start/stop results with their wall clock, and skips everything else", () => {
    const log = [boot("06:04:17.100"), ...noise, result("06:04:41.112", "start", "mysqlVIP"), result("06:04:42.5", "start", "mysql_data", "error"), ""].join("\n");
    expect(parsePcmkLog(log, 2026)).toEqual([
      { op: "boot", resource: "", ok: true, wallMs: Date.UTC(2026, 10, 22, 6, 4, 17, 100) },
      { op: "start", resource: "mysqlVIP", ok: true, wallMs: Date.UTC(2026, 10, 22, 6, 4, 41, 112) },
      { op: "start", resource: "mysql_data", ok: false, wallMs: Date.UTC(2026, 10, 22, 6, 4, 42, 500) },
    ]);
  });

  it("pads a single-digit day as syslog does", () => {
    const [op] = parsePcmkLog(`Nov  2 23:59:59.000 ctr2 pacemaker-controld  [1] (log_executor_event) 	notice: Result of stop operation for mysql on ctr2: ok | x`, 2026);
    expect(op).toEqual({ op: "stop", resource: "mysql", ok: true, wallMs: Date.UTC(2026, 10, 2, 23, 59, 59) });
  });

  it("feeds chainOrder: a log in documented order passes, one where mysqld starts before its mount fails", () => {
    const chain = ["mysqlVIP", "mysql_data", "mysql"];
    const good = [
      boot("06:00:00.000"),
      result("06:00:01.000", "start", "mysqlVIP"),
      result("06:00:02.000", "start", "mysql_data"),
      result("06:00:03.000", "start", "mysql"),
      result("06:01:00.000", "stop", "mysql"),
      result("06:01:01.000", "stop", "mysql_data"),
      result("06:01:02.000", "stop", "mysqlVIP"),
    ].join("\n");
    const bad = [boot("06:00:00.000"), result("06:00:01.000", "start", "mysqlVIP"), result("06:00:02.000", "start", "mysql"), result("06:00:03.000", "start", "mysql_data")].join("\n");
    const judge = (log: string) => chainOrder(new SyntheticHistory().at(0).sample("pcmk-ops:ctr1", parsePcmkLog(log, 2026)).events(), { chain });
    expect(judge(good).valid).toBe(true);
    const v = judge(bad);
    expect(v.valid).toBe(false);
    expect(v.details.violations).toEqual([{ node: "ctr1", op: "start", resource: "mysql", missing: ["mysql_data"], wallMs: Date.UTC(2026, 10, 22, 6, 0, 2) }]);
  });
});
