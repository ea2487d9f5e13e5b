import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/index.ts";
import { ackedWrites } from "./acked-writes.ts";
import { chainOrder, type PcmkOp } from "./chain-order.ts";
import { movedTo } from "./moved-to.ts";
import { noQuorumNoService } from "./no-quorum-no-service.ts";
import { placement } from "./placement.ts";
import { convergedAfterHeal } from "./recovery.ts";
import { replicaChecksums } from "./replica-checksums.ts";
import { restartThenRelocate } from "./restart-then-relocate.ts";
import { sameRows } from "./same-rows.ts";
import { stayedOn } from "./stayed-on.ts";

// The checks that selected samples by a subject prefix now select by a SubjectPattern: each still says
// false on a failing history, and a subject that only shares the prefix (vm-10 beside vm-1) is not read.
const view = (runningOn: Record<string, string[]>, quorate = true) => ({ quorate, runningOn, online: [] as string[] });
const op = (o: PcmkOp["op"], resource: string): PcmkOp => ({ op: o, resource, ok: true, wallMs: 0 });

describe("checks selecting samples by subject pattern", () => {
  it("convergedAfterHeal reads vm-1, not vm-10, and is false when vm-1 never converges", () => {
    const h = new SyntheticHistory()
      .at(0)
      .fault("kill", "healed", ["vm-1"])
      .at(100)
      .sample("rabbit:vm-10", { running: ["a", "b", "c"], partitions: [] })
      .sample("rabbit:vm-1", { running: ["a"], partitions: [] });
    const ok = (v: unknown) => (v as { running: string[] }).running.length === 3;
    const v = convergedAfterHeal(h.events(), { subject: { kind: "rabbit", host: "vm-1" }, predicate: ok, withinMs: 1000 });
    expect(v.valid).toBe(false);
    expect(v.details.subjects).toEqual(["rabbit:vm-1"]);
  });

  it("placement, stayedOn and movedTo are false on a resource seen on the wrong host", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:c-2", view({ keystone: ["c-1"] }))
      .at(1000)
      .fault("kill", "effective", ["c-1"])
      .at(2000)
      .sample("placement:c-2", view({ keystone: ["c-3"] }));
    expect(placement(h.events(), { resources: ["keystone"], allowed: ["c-1", "c-2"] }).valid).toBe(false);
    expect(stayedOn(h.events(), { resources: ["keystone"], host: "c-1" }).valid).toBe(false);
    expect(movedTo(h.events(), { resources: ["keystone"], to: ["c-2"] })).toMatchObject({ valid: false, details: { observer: "c-2" } });
    expect(placement(h.events(), { resources: ["keystone"], allowed: ["c-1", "c-2"], subject: { kind: "placement", host: "c-9" } }).valid).toBe("unknown");
  });

  it("noQuorumNoService is false on service without quorum", () => {
    const h = new SyntheticHistory()
      .at(0)
      .sample("placement:c-2", view({ keystone: ["c-2"] }))
      .at(1000)
      .fault("partition", "effective", ["c-2"])
      .at(5000)
      .sample("placement:c-2", view({ keystone: ["c-2"] }, false))
      .sample("vip-unanswered", [])
      .sample("vip:controller", ["c-2"]);
    expect(noQuorumNoService(h.events(), { graceMs: 1000, vips: ["controller"] }).valid).toBe(false);
  });

  it("restartThenRelocate is false when the service never relocates", () => {
    const h = new SyntheticHistory().at(0).sample("placement:c-3", view({ mysql: ["c-1"] }));
    for (let k = 1; k <= 3; k++)
      h.at(k * 1000)
        .fault("kill-process:mysqld", "effective", ["c-1"])
        .at(k * 1000 + 500)
        .sample("placement:c-3", view({ mysql: ["c-1"] }));
    expect(restartThenRelocate(h.events(), { resource: "mysql", home: "c-1", standby: ["c-2"], restartAttempts: 2, fault: "kill-process:mysqld" }).valid).toBe(false);
  });

  it("chainOrder is false on a start out of order", () => {
    const h = new SyntheticHistory().at(0).sample("pcmk-ops:ctr1", [op("start", "vip"), op("start", "svc"), op("start", "data")]);
    expect(chainOrder(h.events(), { chain: ["vip", "data", "svc"] })).toMatchObject({ valid: false, details: { violations: [{ node: "ctr1" }] } });
  });

  it("replicaChecksums, sameRows and ackedWrites are false on a differing replica", () => {
    const bricks = new SyntheticHistory().at(0).sample("brick-sha:g1", "abc").sample("brick-sha:g2", "abd");
    expect(replicaChecksums(bricks.events(), { subject: { kind: "brick-sha" }, expected: "abc" }).valid).toBe(false);
    const rows = new SyntheticHistory()
      .at(0)
      .call("mysql", "insert", "ok", { value: 1 })
      .at(10)
      .call("mysql", "insert", "ok", { value: 2 })
      .at(100)
      .sample("rows:vm-1", [1, 2])
      .sample("rows:vm-2", [1])
      .sample("minority-rows:vm-1", [7])
      .sample("minority-rows:vm-2", [8]);
    expect(sameRows(rows.events()).valid).toBe(false);
    expect(sameRows(rows.events(), { subject: { kind: "minority-rows" } })).toMatchObject({ valid: false });
    expect(ackedWrites(rows.events()).valid).toBe(false);
  });
});
