import { describe, expect, it } from "vitest";
import { cidrString, overlaps, parseCidr, pickSubnet, planAddresses } from "./addressing.ts";
import { prisma } from "../../topologies/prisma.ts";

describe("addressing", () => {
  it("parses and normalises CIDRs", () => {
    expect(cidrString(parseCidr("10.1.2.3/24"))).toBe("10.1.2.0/24");
    expect(() => parseCidr("10.1.2/24")).toThrow(/not an IPv4 CIDR/);
    expect(() => parseCidr("300.1.2.3/24")).toThrow();
  });

  it("detects overlap in both directions", () => {
    expect(overlaps(parseCidr("10.0.0.0/8"), parseCidr("10.200.3.0/24"))).toBe(true);
    expect(overlaps(parseCidr("10.200.3.0/24"), parseCidr("10.0.0.0/8"))).toBe(true);
    expect(overlaps(parseCidr("10.200.3.0/24"), parseCidr("10.200.4.0/24"))).toBe(false);
  });

  it("picks the first subnet clear of every used network", () => {
    const used = [parseCidr("10.128.0.0/24"), parseCidr("10.128.1.0/25"), parseCidr("172.17.0.0/16")];
    expect(cidrString(pickSubnet(used, 24))).toBe("10.128.2.0/24");
  });

  it("never returns a subnet inside a broad host route", () => {
    const used = [parseCidr("10.128.0.0/10")];
    const got = pickSubnet(used, 24);
    expect(overlaps(got, used[0])).toBe(false);
  });

  it("fails when the pool is exhausted", () => {
    expect(() => pickSubnet([parseCidr("10.0.0.0/8")], 24)).toThrow(/no free/);
  });

  it("places hosts, VIPs and Docker's range apart inside the subnet", () => {
    const plan = planAddresses(prisma, parseCidr("10.128.5.0/24"));
    expect(plan.gateway).toBe("10.128.5.1");
    expect(plan.hosts["vm-1"]).toBe("10.128.5.10");
    expect(plan.hosts["controller-3"]).toBe("10.128.5.20");
    expect(plan.vips.db).toBe("10.128.5.236");
    expect(plan.ipRange).toBe("10.128.5.128/26");
    const all = [...Object.values(plan.hosts), ...Object.values(plan.vips)];
    expect(new Set(all).size).toBe(all.length);
  });

  it("refuses a subnet too small for the topology", () => {
    expect(() => planAddresses(prisma, parseCidr("10.128.5.0/27"))).toThrow(/too small/);
  });
});
