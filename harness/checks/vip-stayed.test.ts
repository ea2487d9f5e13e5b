import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { vipStayed } from "./vip-stayed.ts";

const opts = { vip: "controller", host: "controller-1" };

describe("vipStayed", () => {
  it("is true when every sample shows the VIP on the one host", () => {
    const h = new SyntheticHistory().at(0).sample("vip:controller", ["controller-1"]).at(500).sample("vip:controller", ["controller-1"]);
    expect(vipStayed(h.events(), opts).valid).toBe(true);
  });

  it("is false when the VIP moved, and says how often", () => {
    const h = new SyntheticHistory().at(0).sample("vip:controller", ["controller-1"]).at(500).sample("vip:controller", ["controller-2"]).at(1000).sample("vip:controller", ["controller-1"]);
    const v = vipStayed(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.reason).toBe("VIP controller moved 2 time(s)");
  });

  it("is false when it ends held by no one, and unknown without samples", () => {
    const h = new SyntheticHistory().at(0).sample("vip:controller", ["controller-1"]).at(500).sample("vip:controller", []);
    expect(vipStayed(h.events(), opts).valid).toBe(false);
    expect(vipStayed([], opts).valid).toBe("unknown");
  });
});
