import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/prisma.ts";
import { kindOf } from "./index.ts";

describe("standIns", () => {
  it("names the Neutron agents of g_network as Dummy stand-ins, and nothing real", () => {
    const s = kindOf(prisma).standIns(prisma);
    expect(s).toEqual(["neutron-l3-agent (ocf:heartbeat:Dummy stand-in)", "neutron-dhcp-agent (ocf:heartbeat:Dummy stand-in)", "neutron-metadata-agent (ocf:heartbeat:Dummy stand-in)"]);
    expect(s.join(" ")).not.toMatch(/keystone|glance/);
  });
});
