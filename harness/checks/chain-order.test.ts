import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { chainOrder, type PcmkOp } from "./chain-order.ts";

const chain = ["mysqlVIP", "mysql_data", "mysql"];
const op = (o: PcmkOp["op"], resource: string, wallMs = 0, ok = true): PcmkOp => ({ op: o, resource, ok, wallMs });
const up = [op("start", "mysqlVIP"), op("start", "mysql_data"), op("start", "mysql")];

describe("chainOrder", () => {
  it("is true for start in order and stop in reverse, across a relocation", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("pcmk-ops:ctr1", [...up, op("stop", "mysql"), op("stop", "mysql_data"), op("stop", "mysqlVIP")])
      .sample("pcmk-ops:ctr2", up);
    const v = chainOrder(h.events(), { chain });
    expect(v.valid).toBe(true);
    expect(v.details.operations).toBe(9);
  });

  it("is false when the service starts before its data mount", () => {
    const h = new SyntheticHistory().at(0).sample("pcmk-ops:ctr1", [op("start", "mysqlVIP"), op("start", "mysql"), op("start", "mysql_data")]);
    const v = chainOrder(h.events(), { chain });
    expect(v.valid).toBe(false);
    expect(v.details.violations).toEqual([{ node: "ctr1", op: "start", resource: "mysql", missing: ["mysql_data"], wallMs: 0 }]);
  });

  it("is false when the data mount stops while the service still runs", () => {
    const h = new SyntheticHistory().at(0).sample("pcmk-ops:ctr1", [...up, op("stop", "mysql_data")]);
    expect(chainOrder(h.events(), { chain }).valid).toBe(false);
  });

  it("is unknown when a node's log was not read (a listed node without a sample, or no operation list), false still on a violation", () => {
    const h = new SyntheticHistory().at(0).sample("pcmk-ops:ctr1", up);
    const v = chainOrder(h.events(), { chain, nodes: ["ctr1", "ctr2"] });
    expect(v).toMatchObject({ valid: "unknown", details: { unread: ["ctr2"] } });
    expect(chainOrder(h.events(), { chain, nodes: ["ctr1"] }).valid).toBe(true);
    const marker = new SyntheticHistory().at(0).sample("pcmk-ops:ctr1", up).sample("pcmk-ops:ctr2", null);
    expect(chainOrder(marker.events(), { chain })).toMatchObject({ valid: "unknown", details: { unread: ["ctr2"] } });
    const bad = new SyntheticHistory().at(0).sample("pcmk-ops:ctr1", [op("start", "mysql")]);
    expect(chainOrder(bad.events(), { chain, nodes: ["ctr1", "ctr2"] }).valid).toBe(false);
  });

  it("forgets a node's state when its Pacemaker boots again, and ignores failed operations", () => {
    const h = new SyntheticHistory().at(0).sample("pcmk-ops:ctr1", [...up, op("boot", ""), op("start", "mysql", 0, false), ...up]);
    expect(chainOrder(h.events(), { chain }).valid).toBe(true);
  });

  it("counts starts and stops after the fault, and is unknown without operations", () => {
    const h = new SyntheticHistory().at(0).fault("kill-process:mysqld", "effective", ["ctr1"]);
    const faultMs = Date.parse(h.events()[0]!.wall);
    h.at(1).sample("pcmk-ops:ctr1", [...up.map((o) => ({ ...o, wallMs: faultMs - 10 })), op("stop", "mysql", faultMs + 5), op("start", "mysql", faultMs + 9)]);
    const v = chainOrder(h.events(), { chain });
    expect(v.valid).toBe(true);
    expect(v.details.afterFault).toMatchObject({ mysql: { starts: 1, stops: 1 }, mysql_data: { starts: 0, stops: 0 } });
    expect(chainOrder(new SyntheticHistory().events(), { chain }).valid).toBe("unknown");
  });
});
