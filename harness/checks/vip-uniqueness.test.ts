import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { vipUniqueness } from "./vip-uniqueness.ts";

function vip(samples: [number, string[]][]): SyntheticHistory {
  const h = new SyntheticHistory();
  for (const [ms, holders] of samples) h.at(ms).sample("vip:db", holders);
  return h;
}

const opts = { vip: "db", allowed: ["lb-1", "lb-2"], maxNoHolderMs: 3000 };

describe("vipUniqueness", () => {
  it("is true for one allowed holder at a time, reporting the move and its gap", () => {
    const h = vip([
      [0, ["lb-1"]],
      [500, ["lb-1"]],
      [1000, []],
      [1500, []],
      [2000, ["lb-2"]],
      [2500, ["lb-2"]],
    ]);
    const v = vipUniqueness(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details.moves).toEqual([{ atMs: 2000, from: "lb-1", to: "lb-2", gapMs: 1500 }]);
    expect(v.details.noHolder).toEqual([{ startMs: 500, endMs: 2000, lengthMs: 1500, open: false }]);
    expect(v.details.maxMoveMs).toBe(1500);
  });

  it("is false when two hosts hold the VIP in two samples in a row", () => {
    const v = vipUniqueness(
      vip([
        [0, ["lb-1"]],
        [100, ["lb-1", "lb-2"]],
        [200, ["lb-1", "lb-2"]],
        [300, ["lb-2"]],
      ]).events(),
      opts,
    );
    expect(v.valid).toBe(false);
    expect(v.details.splitBrain).toEqual([
      { atMs: 100, holders: ["lb-1", "lb-2"] },
      { atMs: 200, holders: ["lb-1", "lb-2"] },
    ]);
  });

  it("reports, and does not fail on, one sample with both hosts amid a handover from one to the other", () => {
    const v = vipUniqueness(
      vip([
        [0, ["lb-2"]],
        [100, ["lb-1", "lb-2"]],
        [200, ["lb-1"]],
      ]).events(),
      opts,
    );
    expect(v.valid).toBe(true);
    expect(v.details.splitBrain).toEqual([]);
    expect(v.details.handoverOverlaps).toEqual([{ atMs: 100, holders: ["lb-1", "lb-2"] }]);
    expect(v.details.moves).toEqual([{ atMs: 200, from: "lb-2", to: "lb-1", gapMs: 200 }]);
  });

  it("is false for a lone two-holder sample that is no handover", () => {
    const flap = [
      [0, ["lb-1"]],
      [100, ["lb-1", "lb-2"]],
      [200, ["lb-1"]],
    ] as [number, string[]][];
    const atEnd = [
      [0, ["lb-1"]],
      [100, ["lb-1", "lb-2"]],
    ] as [number, string[]][];
    const afterGap = [
      [0, ["lb-1"]],
      [100, []],
      [200, ["lb-1", "lb-2"]],
      [300, ["lb-2"]],
    ] as [number, string[]][];
    for (const s of [flap, atEnd, afterGap]) expect(vipUniqueness(vip(s).events(), opts).valid).toBe(false);
  });

  it("is false for a holder outside the allowed hosts", () => {
    const v = vipUniqueness(
      vip([
        [0, ["lb-1"]],
        [100, ["vm-1"]],
      ]).events(),
      opts,
    );
    expect(v.valid).toBe(false);
    expect(v.details.strays).toEqual([{ atMs: 100, host: "vm-1" }]);
  });

  it("is false for a holder-less period over the bound, or a history ending without holder", () => {
    expect(
      vipUniqueness(
        vip([
          [0, ["lb-1"]],
          [100, []],
          [5000, ["lb-2"]],
        ]).events(),
        opts,
      ).valid,
    ).toBe(false);
    const v = vipUniqueness(
      vip([
        [0, ["lb-1"]],
        [100, []],
        [200, []],
      ]).events(),
      opts,
    );
    expect(v.valid).toBe(false);
    expect(v.details.endsWithoutHolder).toBe(true);
  });

  it("is unknown without samples or with a malformed one", () => {
    expect(vipUniqueness(new SyntheticHistory().events(), opts).valid).toBe("unknown");
    const h = new SyntheticHistory().at(0).sample("vip:db", "lb-1");
    expect(vipUniqueness(h.events(), opts).valid).toBe("unknown");
  });

  it("ignores other VIPs and accepts any holder when allowed is omitted", () => {
    const h = vip([
      [0, ["x"]],
      [10, ["y"]],
    ])
      .at(5)
      .sample("vip:mq", ["a", "b"]);
    expect(vipUniqueness(h.events(), { vip: "db" }).valid).toBe(true);
  });
});
