import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/prisma.ts";
import { brickServers, expectedBricks } from "./gluster-layout.ts";

describe("gluster layout", () => {
  it("puts a brick on every server, replica 3, as the guide does", () => {
    expect(brickServers(prisma, ["g1", "g2", "g3"])).toEqual({ servers: ["g1", "g2", "g3"], replica: 3 });
    expect(expectedBricks(prisma)).toBe(3);
  });

  it("gluster-single-brick mutation: one brick on the first server, not replicated", () => {
    const t = { ...prisma, mutations: ["gluster-single-brick" as const] };
    expect(brickServers(t, ["g1", "g2", "g3"])).toEqual({ servers: ["g1"], replica: 1 });
    expect(expectedBricks(t)).toBe(1);
  });
});
