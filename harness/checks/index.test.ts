import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "../history/event.ts";
import { SyntheticHistory } from "../history/synthetic.ts";
import * as exported from "./index.ts";
import { guard, type Verdict } from "./index.ts";

type Check = (events: readonly HistoryEvent[]) => Verdict;

// Every check the index exports, called with the least options it needs. A new export fails the
// first test until it is listed here (or among HELPERS), so no check escapes the tests below.
const checks: Record<string, Check> = {
  outage: (e) => exported.outage(e, { maxOutageMs: 1000 }),
  vipUniqueness: (e) => exported.vipUniqueness(e, { vip: "db" }),
  ackedWrites: (e) => exported.ackedWrites(e),
  confirmedMessages: (e) => exported.confirmedMessages(e),
  tokenContinuity: (e) => exported.tokenContinuity(e),
  imageIntegrity: (e) => exported.imageIntegrity(e, { expected: { cirros: "a" } }),
  deadlocks: (e) => exported.deadlocks(e),
  noLostUpdate: (e) => exported.noLostUpdate(e),
  convergedAfterHeal: (e) => exported.convergedAfterHeal(e, { subject: { kind: "wsrep" }, predicate: () => true, withinMs: 1 }),
  placement: (e) => exported.placement(e, { resources: ["keystone"], allowed: ["controller-1"] }),
  vipMoved: (e) => exported.vipMoved(e, { vip: "db", from: "lb-1", to: ["lb-2"] }),
  stayedOn: (e) => exported.stayedOn(e, { resources: ["keystone"], host: "controller-1" }),
  sameRows: (e) => exported.sameRows(e, { minNodes: 3 }),
  noAcksDuring: (e) => exported.noAcksDuring(e, { process: "mysql-minority" }),
  failedOver: (e) => exported.failedOver(e, { processes: ["amqp-publish"], away: ["vm-3"] }),
  replicaChecksums: (e) => exported.replicaChecksums(e, { subject: { kind: "brick-sha" }, expected: "a" }),
  okDuringFault: (e) => exported.okDuringFault(e, { process: "mysql" }),
  noQuorumNoService: (e) => exported.noQuorumNoService(e, { graceMs: 1000, vips: ["controller"] }),
  minorityPaused: (e) => exported.minorityPaused(e, { minority: ["vm-3"], majority: ["vm-1", "vm-2"] }),
  outageMatchesFault: (e) => exported.outageMatchesFault(e, { process: "mysql", toleranceMs: 1000 }),
  availability: (e) => exported.availability(e),
  chainOrder: (e) => exported.chainOrder(e, { chain: ["mysqlVIP", "mysql_data", "mysql"] }),
  restartThenRelocate: (e) => exported.restartThenRelocate(e, { resource: "mysql", home: "ctr1", standby: ["ctr2"], restartAttempts: 2, fault: "kill-process:mysqld" }),
  wentNonPrimary: (e) => exported.wentNonPrimary(e, { node: "vm-1", withinMs: 30_000 }),
  deadlocksObserved: (e) => exported.deadlocksObserved(e, { process: "counter-multi" }),
  vipStayed: (e) => exported.vipStayed(e, { vip: "controller", host: "controller-1" }),
  movedTo: (e) => exported.movedTo(e, { resources: ["dhcp"], to: ["net-2"] }),
  stoppedAfterFault: (e) => exported.stoppedAfterFault(e, { chain: ["mysqlVIP", "mysql_data", "mysql"], resource: "mysql" }),
};

/** Exported functions that are not checks: verdict plumbing and pure readers. */
const HELPERS = ["compose", "guard", "worst", "verdict", "finalReads", "asNumber", "reportsPaused"];

/** A history with a fault that took effect and healed, and nothing any check could judge. */
const faultOnly = () =>
  new SyntheticHistory()
    .at(0)
    .phase("bring-up", "end")
    .at(1000)
    .fault("kill", "start", ["vm-1"])
    .fault("kill", "effective", ["vm-1"])
    .at(60_000)
    .fault("kill", "heal", ["vm-1"])
    .fault("kill", "healed", ["vm-1"])
    .at(61_000)
    .phase("heal", "end")
    .events();

describe("every check", () => {
  it("is in this table: every exported function is a listed check or a listed helper", () => {
    const functions = Object.entries(exported)
      .filter(([, v]) => typeof v === "function")
      .map(([k]) => k)
      .sort();
    expect(functions).toEqual([...Object.keys(checks), ...HELPERS].sort());
  });

  it.each(Object.entries(checks))("%s is unknown on an empty history", (_, check) => {
    expect(check([]).valid).toBe("unknown");
  });

  it.each(Object.entries(checks))("%s is unknown with a fault but no data to judge", (_, check) => {
    expect(check(faultOnly()).valid).toBe("unknown");
  });

  it.each(Object.entries(checks))("%s, guarded, is unknown (never true) on a corrupt history", (name, check) => {
    const corrupt = [{ kind: "sample", subject: "vip:db", value: ["a"], mono: "not-a-number", wall: "w" }] as HistoryEvent[];
    expect(guard(name, check)(corrupt).valid).not.toBe(true);
  });
});
