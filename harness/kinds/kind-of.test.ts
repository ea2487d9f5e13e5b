import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/prisma.ts";
import { loadTopology } from "../../topologies/load.ts";
import { kindOf } from "./kind-of.ts";

describe("kindOf", () => {
  it("picks the strategy of the topology's kind", () => {
    expect(kindOf(prisma).name).toBe("prisma");
    expect(kindOf(loadTopology("clusterware")).name).toBe("clusterware");
    expect(kindOf(loadTopology("clusterware")).standIns(loadTopology("clusterware"))[0]).toMatch(/^Oracle Clusterware/);
    expect([kindOf(prisma).apiRoutes, kindOf(loadTopology("clusterware")).apiRoutes]).toEqual([
      { keystone: "Controller_VIP", glance: "Controller_VIP" },
      { keystone: "keystoneVIP", glance: "glanceVIP" },
    ]);
  });
});
