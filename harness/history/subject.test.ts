import { describe, expect, it } from "vitest";
import { matches, parseSubject, subjectHost, subjectKey, type Subject } from "./subject.ts";

// Every kind with the exact key history.jsonl has always carried for it.
const KEYS: [Subject, string][] = [
  [{ kind: "vip", vip: "controller" }, "vip:controller"],
  [{ kind: "vip-unanswered" }, "vip-unanswered"],
  [{ kind: "wsrep", host: "vm-1" }, "wsrep:vm-1"],
  [{ kind: "placement", host: "controller-1" }, "placement:controller-1"],
  [{ kind: "rabbit", host: "vm-1" }, "rabbit:vm-1"],
  [{ kind: "rabbit-queue", queue: "haproof-vm-loss-1" }, "rabbit-queue:haproof-vm-loss-1"],
  [{ kind: "queue-mirrors", at: "before-fault" }, "rabbit-queue:before-fault"],
  [{ kind: "queue-mirrors", at: "during-fault" }, "rabbit-queue:during-fault"],
  [{ kind: "queue-mirrors", at: "after-heal" }, "rabbit-queue:after-heal"],
  [{ kind: "pcmk-ops", host: "ctr1" }, "pcmk-ops:ctr1"],
  [{ kind: "rows", host: "vm-2" }, "rows:vm-2"],
  [{ kind: "rows", host: "mysql" }, "rows:mysql"],
  [{ kind: "minority-rows", host: "vm-3" }, "minority-rows:vm-3"],
  [{ kind: "brick-sha", host: "gluster-2" }, "brick-sha:gluster-2"],
  [{ kind: "heal-pending" }, "gluster:heal-pending"],
  [{ kind: "glance-expected" }, "glance:expected"],
  [{ kind: "amqp-drained" }, "amqp:drained"],
  [{ kind: "amqp-broker-order" }, "amqp:broker-order"],
  [{ kind: "counter", process: "counter", part: "final" }, "counter:final"],
  [{ kind: "counter", process: "counter-multi", part: "per-node" }, "counter-multi:per-node"],
  [{ kind: "counter", process: "counter-single", part: "nodes" }, "counter-single:nodes"],
  [{ kind: "mysql-restart" }, "mysql:restart"],
  [{ kind: "mysql-relocation" }, "mysql:relocation"],
  [{ kind: "chaos-schedule" }, "chaos:schedule"],
  [{ kind: "chaos-step" }, "chaos:step"],
  [{ kind: "wait-timeout" }, "wait-timeout"],
];

describe("subjects", () => {
  it("serialise to today's keys and parse back", () => {
    for (const [s, key] of KEYS) {
      expect(subjectKey(s)).toBe(key);
      expect(parseSubject(key)).toEqual(s);
    }
  });

  it("parse no key that no kind spells", () => {
    for (const key of ["", "s", "after", "vip:", "nope:x", ":x", "wsrep"]) expect(parseSubject(key)).toBeUndefined();
  });

  it("match exactly by kind and by the fields given, never by prefix", () => {
    expect(matches("rabbit:vm-1", { kind: "rabbit", host: "vm-1" })).toBe(true);
    expect(matches("rabbit:vm-10", { kind: "rabbit", host: "vm-1" })).toBe(false);
    expect(matches("rabbit:vm-10", { kind: "rabbit" })).toBe(true);
    expect(matches("rabbit-queue:q", { kind: "rabbit" })).toBe(false);
    expect(matches("vip-unanswered", { kind: "vip" })).toBe(false);
    expect(matches("vip:db", { kind: "vip", vip: "db" })).toBe(true);
    expect(matches("vip:db2", { kind: "vip", vip: "db" })).toBe(false);
    expect(matches("rows:vm-1", { kind: "minority-rows" })).toBe(false);
    expect(matches("minority-rows:vm-1", { kind: "rows" })).toBe(false);
    expect(matches("rabbit-queue:before-fault", { kind: "rabbit-queue" })).toBe(false);
    expect(matches("garbage", { kind: "wait-timeout" })).toBe(false);
  });

  it("name the host of hosted kinds only", () => {
    expect(subjectHost("placement:controller-2")).toBe("controller-2");
    expect(subjectHost("vip:db")).toBeUndefined();
    expect(subjectHost("wait-timeout")).toBeUndefined();
  });
});
