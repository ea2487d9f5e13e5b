import { describe, expect, it } from "vitest";
import type { HistoryEvent } from "../history/event.ts";
import {
  ackedWrites,
  confirmedMessages,
  convergedAfterHeal,
  deadlocks,
  guard,
  imageIntegrity,
  noLostUpdate,
  outage,
  tokenContinuity,
  vipUniqueness,
  type Verdict,
} from "./index.ts";

const checks: Record<string, (events: readonly HistoryEvent[]) => Verdict> = {
  outage: (e) => outage(e, { maxOutageMs: 1000 }),
  vipUniqueness: (e) => vipUniqueness(e, { vip: "db" }),
  ackedWrites: (e) => ackedWrites(e),
  confirmedMessages: (e) => confirmedMessages(e),
  tokenContinuity: (e) => tokenContinuity(e),
  imageIntegrity: (e) => imageIntegrity(e, { expected: { cirros: "a" } }),
  deadlocks: (e) => deadlocks(e),
  noLostUpdate: (e) => noLostUpdate(e),
  convergedAfterHeal: (e) => convergedAfterHeal(e, { subjectPrefix: "wsrep:", predicate: () => true, withinMs: 1 }),
};

describe("every check", () => {
  it.each(Object.entries(checks))("%s is unknown on an empty history", (_, check) => {
    expect(check([]).valid).toBe("unknown");
  });

  it.each(Object.entries(checks))("%s, guarded, is unknown (never true) on a corrupt history", (name, check) => {
    const corrupt = [{ kind: "sample", subject: "vip:db", value: ["a"], mono: "not-a-number", wall: "w" }] as HistoryEvent[];
    expect(guard(name, check)(corrupt).valid).not.toBe(true);
  });
});
