import { describe, expect, it } from "vitest";
import { clusterware, prisma } from "../../topologies/index.ts";
import * as F from "./bound-formulas.ts";
import { DEFAULT_REQUIREMENTS } from "./registry.ts";
import { ownTimingBound, ownTimingVerdict } from "./own-timing.ts";
import { boundOrigin, type Requirement } from "./requirement.ts";
import { boundUnder, defaultBoundMs, DEFAULT_TIMINGS, explainBound, fixed, roundBound, sumOf } from "./timing-bound.ts";

const req = (id: string): Requirement => DEFAULT_REQUIREMENTS.find((r) => r.id === id)!;

// Every bound in force by default, with the slowest run on record on the 2-core host (README, scenario
// comments, commit messages; null: none recorded). A formula change that moves a bound must change this.
const PINNED_BOUNDS: Record<string, [boundMs: number, slowestMs: number | null]> = {
  "PRISMA-CTRL-VIP-MOVE": [26_000, 10_500],
  "PRISMA-CTRL-VIP-UNIQUE": [26_000, 10_500],
  "PRISMA-CTRL-KEYSTONE-OUTAGE": [100_000, 27_000],
  "PRISMA-CTRL-GLANCE-OUTAGE": [177_000, 76_000],
  "PRISMA-CTRL-REJOIN": [59_000, 16_500],
  "PRISMA-SVC-RESTART": [114_000, 78_500],
  "PRISMA-NET-VIP-MOVE": [26_000, 10_500],
  "PRISMA-NET-KEYSTONE": [100_000, 27_000],
  "PRISMA-NET-REJOIN": [59_000, 16_500],
  "PRISMA-QUORUM-STOP": [55_000, 9_000],
  "PRISMA-QUORUM-RECOVER": [204_000, 66_000],
  "PRISMA-LB-VIP-MOVE": [11_000, 4_500],
  "PRISMA-LB-MYSQL-OUTAGE": [15_000, 2_700],
  "PRISMA-GALERA-WRITER-FAILOVER": [20_000, 6_100],
  "PRISMA-GALERA-REJOIN": [180_000, 11_500],
  "PRISMA-GALERA-MINORITY": [30_000, null],
  "PRISMA-GALERA-MAJORITY": [29_000, 8_100],
  "PRISMA-GALERA-PART-HEAL": [180_000, 1_600],
  "PRISMA-RABBIT-OUTAGE": [28_000, 4_900],
  "PRISMA-RABBIT-FAILOVER": [28_000, 150],
  "PRISMA-RABBIT-DB-UNAFFECTED": [20_000, 6_300],
  "PRISMA-RABBIT-REJOIN": [180_000, 15_500],
  "PRISMA-RABBIT-PART-PAUSE": [130_000, 100_000],
  "PRISMA-RABBIT-PART-OUTAGE": [113_000, 75_200],
  "PRISMA-RABBIT-PART-FAILOVER": [113_000, 75_200],
  "PRISMA-RABBIT-PART-HEAL": [180_000, 5_200],
  "PRISMA-GLUSTER-OUTAGE": [57_000, 0],
  "PRISMA-GLUSTER-HEAL": [180_000, 7_700],
  "PRISMA-VM-MYSQL-OUTAGE": [20_000, 6_100],
  "PRISMA-VM-PUBLISH-OUTAGE": [28_000, 4_900],
  "PRISMA-VM-GALERA-REJOIN": [240_000, null],
  "PRISMA-VM-RABBIT-REJOIN": [240_000, null],
  "CW-RELOCATE-VIP": [24_000, 2_500],
  "CW-CTRL-MYSQL-VIP": [139_000, 13_000],
  "CW-CTRL-RABBITMQ-VIP": [139_000, 16_000],
  "CW-CTRL-KEYSTONE-VIP": [139_000, 28_000],
  "CW-CTRL-GLANCE-VIP": [139_000, 40_000],
  "CW-NET-MOVED": [31_000, 11_600],
  "CW-INDEP-MYSQL-MOVED": [24_000, 1_600],
  "CW-INDEP-MQ-UP": [1_000, 0],
};

describe("bounds from the documented timings", () => {
  it("pins every bound in force by default, each with at least 25 % and 5 s over the slowest run on record", () => {
    const bounded = DEFAULT_REQUIREMENTS.filter((r) => r.thresholdMs !== undefined);
    expect(Object.fromEntries(bounded.map((r) => [r.id, r.thresholdMs]))).toEqual(Object.fromEntries(Object.entries(PINNED_BOUNDS).map(([id, [ms]]) => [id, ms])));
    for (const [id, [ms, slowest]] of Object.entries(PINNED_BOUNDS)) {
      if (slowest === null || id === "CW-INDEP-MQ-UP") continue;
      expect(ms, id).toBeGreaterThanOrEqual(Math.max(1.25 * slowest, slowest + 5_000));
    }
  });

  it("gives every bound either a formula whose default value it is, or a stated source", () => {
    for (const r of DEFAULT_REQUIREMENTS.filter((x) => x.thresholdMs !== undefined)) {
      expect(r.bound !== undefined || (r.boundSource ?? "").length > 0, r.id).toBe(true);
      if (r.bound) {
        expect(r.thresholdMs, r.id).toBe(defaultBoundMs(r.bound));
        expect(r.bound.kind, r.id).toBe(r.topology ?? "prisma");
        expect(r.bound.text, r.id).toMatch(/margin/);
      }
      expect(boundOrigin(r), r.id).toBe(r.bound?.text ?? r.boundSource);
    }
  });

  it("pins the formulas term by term under the default tunables", () => {
    expect(explainBound(F.PCMK_VIP_AFTER_NODE_LOSS)).toBe(
      "corosyncTokenMs (the lost node's token times out) (3 s) + 1.2 × corosyncTokenMs (consensus on the new membership) (3.6 s) + " +
        "3 s DC election and transition (budget) (3 s) + 2 s IPaddr2 start (budget) (2 s) + 2 s VIP sampler round and exec (budget) (2 s) + " +
        "12 s margin (load; 10.4-10.5 s measured) (12 s) = 26 s",
    );
    expect(F.LB_VIP_MOVE.formula(prisma.tunables)).toBe(3_000 + 1_000 + 1_000 + 2_000 + 4_000);
    expect(F.WRITER_FAILOVER.formula(prisma.tunables)).toBe(2 * (1_000 + 3_000) + 3_500 + 8_000);
    expect(F.KEYSTONE_RESTART_IN_PLACE.formula(prisma.tunables)).toBe(5_000 + 1_000 + 20_000 + 75_000 + 3_000 + 10_000);
    expect(F.PARTITION_DB_OUTAGE.formula(prisma.tunables)).toBe(15_000 + 2 * 1_000 + 3_500 + 8_000);
    expect(F.RABBIT_MINORITY_PAUSE.formula(prisma.tunables)).toBe(75_000 + 30_000 + 25_000);
    expect(F.CW_NETWORK_POOL.formula(clusterware.tunables)).toBe(2_000 + 3_000 + 3_600 + 3_000 + 3_000 + 1_000 + 15_000);
    // The formula reads the tunables it names, and only those.
    expect(F.LB_VIP_MOVE.formula({ ...prisma.tunables, keepalivedAdvertIntS: 3 })).toBe(4 * 3_000 + 7_000);
    expect(F.WRITER_FAILOVER.formula({ ...prisma.tunables, haproxyCheckFall: 1, haproxyCheckInterMs: 500 })).toBe(6_000 + 11_500);
    expect(F.GLUSTER_BRICK_GLANCE.formula({ ...prisma.tunables, corosyncTokenMs: 60_000 })).toBe(57_000);
  });

  it("computes the fixed bound from the defaults, rounded up to the whole second", () => {
    expect(DEFAULT_TIMINGS).toEqual({ prisma: prisma.tunables, clusterware: clusterware.tunables });
    expect(roundBound(25_600)).toBe(26_000);
    expect(roundBound(26_000)).toBe(26_000);
    expect(roundBound(26_000.4)).toBe(26_000);
    const b = sumOf("prisma", { what: "token", ms: (t) => t.corosyncTokenMs }, fixed(500, "x"));
    expect(b.text).toBe("token + 0.5 s x");
    expect(defaultBoundMs(b)).toBe(4_000);
  });
});

describe("consistent with its own timings", () => {
  const move = req("PRISMA-CTRL-VIP-MOVE");
  const slowToken = { ...prisma.tunables, corosyncTokenMs: 20_000 };

  it("a timing set far above its default fails the fixed bound, and passes the bound of its own timings", () => {
    // --set tunables.corosyncTokenMs=20000: the VIP then moves in about 50 s, as that configuration allows.
    const measuredMs = 50_000;
    expect(move.thresholdMs).toBe(26_000);
    expect(measuredMs > move.thresholdMs!).toBe(true);
    expect(ownTimingBound(move, slowToken)).toBe(roundBound(20_000 + 24_000 + 3_000 + 2_000 + 2_000 + 12_000));
    expect(ownTimingVerdict(move, slowToken, measuredMs)).toEqual({ valid: true, boundMs: 63_000 });
  });

  it("catches a failover slower than its own configuration allows", () => {
    expect(ownTimingVerdict(move, slowToken, 70_000)).toMatchObject({ valid: false, boundMs: 63_000 });
    expect(ownTimingVerdict(move, prisma.tunables, 30_000)).toMatchObject({ valid: false, boundMs: 26_000 });
  });

  it("is unknown without a measurement or tunables of the requirement's kind, and not applicable without a formula", () => {
    expect(ownTimingVerdict(move, prisma.tunables, undefined)).toMatchObject({ valid: "unknown", boundMs: 26_000 });
    expect(ownTimingVerdict(move, prisma.tunables, Number.NaN)?.valid).toBe("unknown");
    expect(ownTimingVerdict(move, clusterware.tunables, 1_000)).toMatchObject({ valid: "unknown", note: "the run recorded no prisma tunables" });
    expect(ownTimingVerdict(move, undefined, 1_000)?.valid).toBe("unknown");
    expect(ownTimingVerdict(req("PRISMA-GALERA-REJOIN"), prisma.tunables, 1_000)).toBeUndefined();
    expect(ownTimingBound(req("CW-RELOCATE-VIP"), clusterware.tunables)).toBe(24_000);
    expect(boundUnder(F.CW_NETWORK_POOL, { ...clusterware.tunables, corosyncTokenMs: 10 })).toBeUndefined();
  });
});

describe("boundOrigin", () => {
  it("names a site override and what the formula would give", () => {
    const r = req("PRISMA-CTRL-VIP-MOVE");
    expect(boundOrigin({ ...r, thresholdMs: 20_000 })).toBe(`site override (the formula gives 26 s: ${r.bound!.text})`);
    expect(boundOrigin(req("PRISMA-GALERA-REJOIN"))).toMatch(/^haproof's recovery budget/);
    expect(boundOrigin({ thresholdMs: 1 })).toBe("site requirement");
    expect(boundOrigin({})).toBeUndefined();
  });
});
