import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { vipMoved } from "./vip-moved.ts";

const opts = { vip: "controller", from: "controller-1", to: ["controller-2"], maxMoveMs: 15_000 };

function moveAfter(gapMs: number, to = "controller-2") {
  return new SyntheticHistory().at(0).sample("vip:controller", ["controller-1"]).at(500).sample("vip:controller", []).at(gapMs).sample("vip:controller", [to]).events();
}

describe("vipMoved", () => {
  it("is true with the move time when the VIP reaches an allowed node in time", () => {
    const v = vipMoved(moveAfter(9_700), opts);
    expect(v.valid).toBe(true);
    expect(v.details.moveMs).toBe(9_700);
    expect(v.metric).toBe(9_700);
  });

  it("is false when the move is slower than the bound", () => {
    expect(vipMoved(moveAfter(20_000), opts).valid).toBe(false);
  });

  it("is false when the VIP lands on a node it must not go to", () => {
    expect(vipMoved(moveAfter(5_000, "controller-3"), opts).valid).toBe(false);
  });

  it("is false when the VIP never leaves the killed node", () => {
    const h = new SyntheticHistory().at(0).sample("vip:controller", ["controller-1"]).at(1000).sample("vip:controller", ["controller-1"]);
    expect(vipMoved(h.events(), opts).valid).toBe(false);
  });

  it("is unknown without samples", () => {
    expect(vipMoved([], opts).valid).toBe("unknown");
  });
});
