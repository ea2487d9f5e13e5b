import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/prisma.ts";
import type { Topology } from "../../topologies/schema.ts";
import { erlangCookie, haPolicy, queueArguments, renderRabbitConf } from "./rabbitmq-conf.ts";

const quorum: Topology = { ...prisma, rabbitmq: { queues: "quorum", partitionHandling: "autoheal" } };

describe("rabbitmq config", () => {
  it("sets partition handling from the topology", () => {
    expect(renderRabbitConf(prisma)).toContain("cluster_partition_handling = pause_minority");
    expect(renderRabbitConf(quorum)).toContain("cluster_partition_handling = autoheal");
  });

  it("mirrors every non-amq queue to all nodes with automatic sync (the guide)", () => {
    const p = haPolicy(prisma)!;
    expect(p.definition).toEqual({ "ha-mode": "all", "ha-sync-mode": "automatic" });
    expect(new RegExp(p.pattern).test("amq.gen-123")).toBe(false);
    expect(new RegExp(p.pattern).test("scheduler_fanout")).toBe(true);
    expect(queueArguments(prisma)).toEqual({});
  });

  it("declares quorum queues by argument and sets no mirroring policy", () => {
    expect(haPolicy(quorum)).toBeNull();
    expect(queueArguments(quorum)).toEqual({ "x-queue-type": "quorum" });
  });

  it("derives one stable cookie per topology", () => {
    expect(erlangCookie(prisma)).toBe(erlangCookie({ ...prisma }));
    expect(erlangCookie(prisma)).toMatch(/^[0-9A-F]{32}$/);
    expect(erlangCookie(prisma)).not.toBe(erlangCookie({ ...prisma, name: "other" }));
  });

  it("rabbit-no-ha-policy mutation: no policy and no quorum argument, so a queue lives on one node", () => {
    expect(haPolicy({ ...prisma, mutations: ["rabbit-no-ha-policy"] })).toBeNull();
    expect(queueArguments({ ...quorum, mutations: ["rabbit-no-ha-policy"] })).toEqual({});
    expect(haPolicy(prisma)?.name).toBe("ha-all");
  });
});
