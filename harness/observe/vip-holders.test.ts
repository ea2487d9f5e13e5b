import { describe, expect, it } from "vitest";
import { addrListHas, holdersFromAnswers } from "./vip-holders.ts";

const out = [
  "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever",
  "52: eth0    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\\       valid_lft forever preferred_lft forever",
  "52: eth0    inet 10.0.0.250/24 scope global secondary eth0\\       valid_lft forever preferred_lft forever",
].join("\n");

describe("addrListHas", () => {
  it("finds the VIP as a secondary address", () => {
    expect(addrListHas(out, "10.0.0.250")).toBe(true);
    expect(addrListHas(out, "10.0.0.5")).toBe(true);
  });

  it("does not match prefixes of other addresses or broadcast", () => {
    expect(addrListHas(out, "10.0.0.25")).toBe(false);
    expect(addrListHas(out, "10.0.0.255")).toBe(false);
  });
});

describe("holdersFromAnswers", () => {
  const vips = [
    { name: "controller", address: "10.0.0.250" },
    { name: "network", address: "10.0.0.251" },
  ];
  const holding = (...ips: string[]) => ips.map((ip, i) => `5${i}: eth0    inet ${ip}/24 scope global eth0`).join("\n");

  it("lists each VIP's holders in candidate order from one answer per candidate", () => {
    const r = holdersFromAnswers(vips, ["c1", "c2", "c3"], [holding("10.0.0.11"), holding("10.0.0.12", "10.0.0.250", "10.0.0.251"), holding("10.0.0.13", "10.0.0.250")]);
    expect(r).toEqual({ holders: { controller: ["c2", "c3"], network: ["c2"] }, unanswered: [] });
  });

  it("reports a candidate that gave no answer as unanswered, not as holding nothing", () => {
    const r = holdersFromAnswers(vips, ["c1", "c2", "c3"], [null, holding("10.0.0.12"), null]);
    expect(r.holders).toEqual({ controller: [], network: [] });
    expect(r.unanswered).toEqual(["c1", "c3"]);
  });
});
