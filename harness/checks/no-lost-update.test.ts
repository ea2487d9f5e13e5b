import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { noLostUpdate } from "./no-lost-update.ts";

function increments(types: ("ok" | "fail" | "info")[]): SyntheticHistory {
  const h = new SyntheticHistory();
  types.forEach((t, i) => h.at(i * 10).call("counter", "increment", t));
  return h;
}

describe("noLostUpdate", () => {
  it("is true when the final value equals the acked increments", () => {
    const v = noLostUpdate(increments(["ok", "ok", "ok"]).at(100).sample("counter:final", 3).events());
    expect(v.valid).toBe(true);
  });

  it("accepts indeterminate increments either way", () => {
    const h = increments(["ok", "ok", "info", "fail"]);
    expect(noLostUpdate(h.at(100).sample("counter:final", "4").events()).valid).toBe(true);
    expect(noLostUpdate(increments(["ok", "info"]).at(100).sample("counter:final", 1).events()).valid).toBe(true);
  });

  it("is false on a lost update", () => {
    const v = noLostUpdate(increments(["ok", "ok", "ok"]).at(100).sample("counter:final", 2).events());
    expect(v.valid).toBe(false);
    expect(v.details).toMatchObject({ lost: 1, phantom: 0 });
  });

  it("is false on a phantom update", () => {
    const v = noLostUpdate(increments(["ok", "info"]).at(100).sample("counter:final", 3).events());
    expect(v.valid).toBe(false);
    expect(v.details).toMatchObject({ lost: 0, phantom: 1 });
  });

  it("is unknown without a numeric final sample", () => {
    expect(noLostUpdate(increments(["ok"]).events()).valid).toBe("unknown");
    expect(noLostUpdate(increments(["ok"]).at(100).sample("counter:final", { n: 1 }).events()).valid).toBe("unknown");
  });
});
