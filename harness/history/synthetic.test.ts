import { describe, expect, it } from "vitest";
import { relativeClock } from "./clock.ts";
import { SyntheticHistory, syntheticMono } from "./synthetic.ts";

describe("SyntheticHistory", () => {
  it("stamps events on its virtual clock, completions after their latency", () => {
    const h = new SyntheticHistory().at(0).sample("s", 1).at(250).call("p", "read", "ok", { latencyMs: 50 });
    const ms = relativeClock(h.events());
    expect(h.events().map((e) => ms(e.mono))).toEqual([0, 250, 300]);
    expect(h.events()[1]!.mono).toBe(syntheticMono(250));
    expect(h.events()[2]!.wall).toBe("2025-01-01T00:00:00.300Z");
  });

  it("completes the oldest open invoke of a process unless an id is given", () => {
    const h = new SyntheticHistory().at(0).invoke("p", "a").invoke("p", "b").at(1).complete("p", "ok", { id: 1 }).complete("p", "fail");
    expect(
      h
        .events()
        .slice(2)
        .map((e) => (e.kind === "op" ? [e.f, e.id, e.type] : [])),
    ).toEqual([
      ["b", 1, "ok"],
      ["a", 0, "fail"],
    ]);
    expect(() => h.complete("p", "ok")).toThrow(/no open invoke/);
  });
});
