import { describe, expect, it } from "vitest";
import { addrListHas } from "./vip-holders.ts";

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
