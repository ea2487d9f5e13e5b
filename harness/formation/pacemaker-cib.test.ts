import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/prisma.ts";
import { renderGroup, renderLocations, renderPrimitive, vipResourceId, xmlAttr, type PrimitiveSpec } from "./pacemaker-cib.ts";

const vip: PrimitiveSpec = {
  id: "Controller_VIP",
  provider: "heartbeat",
  type: "IPaddr2",
  params: { ip: "10.0.0.100", cidr_netmask: "24", nic: "eth0" },
  monitor: { intervalS: 5, timeoutS: 20 },
  startTimeoutS: 20,
  stopTimeoutS: 20,
};

describe("pacemaker CIB rendering", () => {
  it("renders a primitive with params and the three ops", () => {
    const xml = renderPrimitive(vip);
    expect(xml).toMatch(/^<primitive id="Controller_VIP" class="ocf" provider="heartbeat" type="IPaddr2">/);
    expect(xml).toContain('<nvpair id="Controller_VIP-instance_attributes-ip" name="ip" value="10.0.0.100"/>');
    expect(xml).toContain('<op id="Controller_VIP-monitor-interval-5s" name="monitor" interval="5s" timeout="20s"/>');
    expect(xml).toContain('name="start" interval="0s"');
    expect(xml).toContain('name="stop" interval="0s"');
    expect(xml).not.toContain("meta_attributes");
  });

  it("escapes attribute values and renders description and meta", () => {
    const xml = renderPrimitive({ ...vip, id: "d", description: 'a "stand-in" <x>', meta: { description: "x&y" } });
    expect(xml).toContain('description="a &quot;stand-in&quot; &lt;x&gt;"');
    expect(xml).toContain('name="description" value="x&amp;y"');
    expect(xmlAttr("'")).toBe("&apos;");
  });

  it("keeps group member order", () => {
    const xml = renderGroup("g_controller", [vip, { ...vip, id: "keystone" }, { ...vip, id: "glance" }]);
    const ids = [...xml.matchAll(/<primitive id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["Controller_VIP", "keystone", "glance"]);
    expect(() => renderGroup("g", [])).toThrow();
  });

  it("prefers the first allowed host and bans the forbidden ones", () => {
    const g = prisma.groups.find((x) => x.name === "g_controller")!;
    const locs = renderLocations(g).map((l) => l.xml);
    expect(locs).toEqual([
      '<rsc_location id="loc-g_controller-controller-1" rsc="g_controller" node="controller-1" score="100"/>',
      '<rsc_location id="loc-g_controller-controller-2" rsc="g_controller" node="controller-2" score="50"/>',
      '<rsc_location id="loc-g_controller-controller-3" rsc="g_controller" node="controller-3" score="-INFINITY"/>',
    ]);
  });

  it("places g_network on controller-2, controller-3 standby, never controller-1 (README: a measured departure from the guide)", () => {
    const g = prisma.groups.find((x) => x.name === "g_network")!;
    expect(renderLocations(g).map((l) => l.xml)).toEqual([
      '<rsc_location id="loc-g_network-controller-2" rsc="g_network" node="controller-2" score="100"/>',
      '<rsc_location id="loc-g_network-controller-3" rsc="g_network" node="controller-3" score="50"/>',
      '<rsc_location id="loc-g_network-controller-1" rsc="g_network" node="controller-1" score="-INFINITY"/>',
    ]);
    // The README's departures table states the reason for this placement.
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toMatch(/\| `g_network` placement \| controller-3 active, controller-2 standby \|/);
  });

  it("names VIP resources as the guide does", () => {
    expect(vipResourceId("controller")).toBe("Controller_VIP");
    expect(vipResourceId("network")).toBe("Network_VIP");
    expect(vipResourceId("db-read")).toBe("Db_Read_VIP");
  });
});
