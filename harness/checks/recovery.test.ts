import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { convergedAfterHeal, type ConvergedAfterHealOptions } from "./recovery.ts";

const synced = (size: number) => ({ size, status: "Primary", state: "Synced" });
const opts: ConvergedAfterHealOptions = {
  subject: { kind: "wsrep" },
  subjects: ["vm-1", "vm-2", "vm-3"].map((host) => ({ kind: "wsrep", host })),
  withinMs: 1000,
  predicate: (v: unknown) => {
    const w = v as { size?: number; state?: string };
    return w.size === 3 && w.state === "Synced";
  },
};

function healed(): SyntheticHistory {
  return new SyntheticHistory()
    .at(0)
    .sample("wsrep:vm-1", synced(3))
    .sample("wsrep:vm-2", synced(3))
    .sample("wsrep:vm-3", synced(3))
    .at(100)
    .fault("partition", "effective", ["vm-3"])
    .at(500)
    .fault("partition", "healed", ["vm-3"]);
}

describe("convergedAfterHeal", () => {
  it("is true when all subjects satisfy the predicate within the bound after heal", () => {
    const h = healed()
      .at(600)
      .sample("wsrep:vm-1", synced(2))
      .sample("wsrep:vm-2", synced(2))
      .sample("wsrep:vm-3", { size: 1, state: "Joining" })
      .at(900)
      .sample("wsrep:vm-1", synced(3))
      .sample("wsrep:vm-2", synced(3))
      .at(1100)
      .sample("wsrep:vm-3", synced(3));
    const v = convergedAfterHeal(h.events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details).toMatchObject({ healedMs: 500, convergedAtMs: 1100, afterHealMs: 600 });
    expect(v.metric).toBe(600);
  });

  it("does not count pre-heal samples, and is false when convergence is too late", () => {
    const h = healed().at(600).sample("wsrep:vm-1", synced(3)).sample("wsrep:vm-2", synced(3)).at(2000).sample("wsrep:vm-3", synced(3));
    const v = convergedAfterHeal(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.afterHealMs).toBe(1500);
  });

  it("is false when it never converges, naming the pending subjects", () => {
    const h = healed().at(600).sample("wsrep:vm-1", synced(3)).sample("wsrep:vm-2", synced(3)).sample("wsrep:vm-3", synced(1));
    const v = convergedAfterHeal(h.events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.pending).toEqual(["wsrep:vm-3"]);
  });

  it("is false when a subject that was good regresses before the others catch up", () => {
    const h = healed().at(600).sample("wsrep:vm-1", synced(3)).sample("wsrep:vm-2", synced(3)).at(700).sample("wsrep:vm-1", synced(2)).sample("wsrep:vm-3", synced(3));
    expect(convergedAfterHeal(h.events(), opts).valid).toBe(false);
  });

  it("is unknown without a heal, without subjects, or without samples after the heal", () => {
    const noHeal = new SyntheticHistory().at(0).sample("wsrep:vm-1", synced(3));
    expect(convergedAfterHeal(noHeal.events(), opts).valid).toBe("unknown");
    expect(convergedAfterHeal(healed().events(), { ...opts, subject: { kind: "rabbit" }, subjects: undefined }).valid).toBe("unknown");
    expect(convergedAfterHeal(healed().events(), opts).valid).toBe("unknown");
  });
});
