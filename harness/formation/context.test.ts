import { describe, expect, expectTypeOf, it } from "vitest";
import type { RunningTopology } from "../engine/index.ts";
import type { Host } from "../transport/host.ts";
import type { SiteView } from "../observe/index.ts";
import { prisma } from "../../topologies/prisma.ts";
import type { AnyTopology } from "../../topologies/index.ts";
import { formationContext, type FormationContext } from "./context.ts";

describe("formationContext", () => {
  it("is a SiteView, as a RunningTopology is", () => {
    expectTypeOf<RunningTopology<AnyTopology>>().toMatchTypeOf<SiteView<AnyTopology>>();
    expectTypeOf<FormationContext>().toMatchTypeOf<SiteView>();
  });

  it("reads hosts and VIPs through the site, printing through the given log", () => {
    const vm1 = { name: "vm-1", role: "datahost", ip: "10.9.0.11" } as Host;
    const lines: string[] = [];
    const site = {
      topology: prisma,
      hosts: [vm1],
      host: (n: string) => (n === "vm-1" ? vm1 : undefined!),
      hostsOf: (r: string) => (r === "datahost" ? [vm1] : []),
      vipAddress: (n: string) => (n === "db" ? "10.9.0.100" : "?"),
      prefixLength: 24,
      iface: "eth0",
    };
    const ctx = formationContext(site, (l) => lines.push(l));
    ctx.log("formed");
    expect([ctx.host("vm-1"), ctx.hostsOf("datahost"), ctx.vipAddress("db"), ctx.prefixLength, ctx.iface, lines]).toEqual([vm1, [vm1], "10.9.0.100", 24, "eth0", ["formed"]]);
  });
});
