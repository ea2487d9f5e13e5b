import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import type { PcmkOp } from "./chain-order.ts";
import { stoppedAfterFault } from "./stopped-after-fault.ts";

const chain = ["mysqlVIP", "mysql_data", "mysql"];
const op = (o: PcmkOp["op"], resource: string, wallMs: number): PcmkOp => ({ op: o, resource, ok: true, wallMs });

/** A fault at t = 0 of the synthetic clock; `ops(faultMs)` is ctr1's log. */
function history(ops: (faultMs: number) => PcmkOp[], nodes: Record<string, PcmkOp[]> = {}) {
  const h = new SyntheticHistory().at(0).fault("kill-process:mysql-data-mount", "effective", ["ctr1"]);
  const faultMs = Date.parse(h.events()[0]!.wall);
  h.at(1).sample("pcmk-ops:ctr1", ops(faultMs));
  for (const [n, o] of Object.entries(nodes)) h.sample(`pcmk-ops:${n}`, o);
  return h.events();
}
const up = (t: number) => chain.map((r) => op("start", r, t));

describe("stoppedAfterFault", () => {
  it("is true when mysql was stopped after the fault", () => {
    const e = history((f) => [...up(f - 10), op("stop", "mysql", f + 5)]);
    expect(stoppedAfterFault(e, { chain, resource: "mysql" })).toMatchObject({ valid: true, details: { stopsAfterFault: 1 } });
  });

  it("is false when every log was read and none shows a stop after the fault", () => {
    const e = history((f) => [...up(f - 10), op("stop", "mysql", f - 5), op("start", "mysql", f - 1)], { ctr2: [] });
    expect(stoppedAfterFault(e, { chain, resource: "mysql", nodes: ["ctr1", "ctr2"] })).toMatchObject({ valid: false, details: { stopsAfterFault: 0 } });
  });

  it("is unknown without a stop when a node's log was not read, and without any operation", () => {
    const e = history((f) => up(f - 10));
    expect(stoppedAfterFault(e, { chain, resource: "mysql", nodes: ["ctr1", "ctr2"] })).toMatchObject({ valid: "unknown", details: { unread: ["ctr2"] } });
    expect(stoppedAfterFault([], { chain, resource: "mysql" }).valid).toBe("unknown");
  });
});
