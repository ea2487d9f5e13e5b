import { describe, expect, it } from "vitest";
import { clusterware } from "./clusterware.ts";
import { isClusterware } from "./kinds.ts";
import { loadTopology, TopologyError, validateTopology } from "./load.ts";

const clone = () => structuredClone(clusterware) as unknown as Record<string, any>;

function fieldOf(data: unknown): string | undefined {
  try {
    validateTopology(data);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(TopologyError);
    return (e as TopologyError).field;
  }
}

describe("clusterware topology validation", () => {
  it("accepts the clusterware topology as declared, as the clusterware kind", () => {
    const t = loadTopology("clusterware");
    expect(isClusterware(t)).toBe(true);
    expect(t.pools).toEqual([
      { name: "controller_sp", nodes: ["ctr1", "ctr2"] },
      { name: "network_sp", nodes: ["ctr3", "ctr4"] },
    ]);
    expect(t.vips.map((v) => v.name)).toEqual(["mysqlVIP", "rabbitmqVIP", "keystoneVIP", "glanceVIP"]);
    expect(t.tunables).toMatchObject({ checkIntervalS: 3, restartAttempts: 2 });
  });

  it("still loads prisma as the default kind", () => {
    expect(isClusterware(loadTopology("prisma"))).toBe(false);
  });

  it("applies overrides and mutations", () => {
    const t = loadTopology("clusterware", { tunables: { restartAttempts: 1 }, mutations: ["shared-vip"] });
    expect(t.tunables.restartAttempts).toBe(1);
    expect(t.mutations).toEqual(["shared-vip"]);
  });

  it("names a pool member that is not a cluster node", () => {
    const t = clone();
    t.pools[0].nodes[1] = "storage-1";
    expect(fieldOf(t)).toBe("pools.0.nodes.1");
  });

  it("names a node in two pools", () => {
    const t = clone();
    t.pools[1].nodes[0] = "ctr1";
    expect(fieldOf(t)).toBe("pools.1.nodes.0");
  });

  it("names a chain on an unknown VIP", () => {
    const t = clone();
    t.chains[0].vip = "dbVIP";
    expect(fieldOf(t)).toBe("chains.0.vip");
  });

  it("names a chain whose VIP may live outside its pool", () => {
    const t = clone();
    t.vips[0].allowed = ["ctr1", "ctr3"];
    expect(fieldOf(t)).toBe("chains.0.vip");
  });

  it("names a chain in an unknown pool", () => {
    const t = clone();
    t.chains[1].pool = "storage_sp";
    expect(fieldOf(t)).toBe("chains.1.pool");
  });

  it("names a service without its data mount (the data -> service dependency)", () => {
    const t = clone();
    delete t.chains[0].dataMount;
    expect(fieldOf(t)).toBe("chains.0.dataMount");
  });

  it("names a chain whose dependency chain is missing (glance without keystone)", () => {
    const t = clone();
    t.chains = t.chains.filter((c: { service: string }) => c.service !== "keystone");
    expect(fieldOf(t)).toBe("chains.2.service");
  });

  it("names an unknown mutation and bad tunables", () => {
    expect(fieldOf({ ...clone(), mutations: ["nope"] })).toBe("mutations.0");
    const t = clone();
    t.tunables.checkIntervalS = 0;
    expect(fieldOf(t)).toBe("tunables.checkIntervalS");
  });

  it("names an unknown network-agent pool", () => {
    const t = clone();
    t.networkAgents.pool = "nope";
    expect(fieldOf(t)).toBe("networkAgents.pool");
  });
});
