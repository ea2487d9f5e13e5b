import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { restartThenRelocate } from "./restart-then-relocate.ts";

const on = (n: string) => ({ quorate: true, runningOn: { mysql: n ? [n] : [] } });
const opts = { resource: "mysql", home: "ctr1", standby: ["ctr2"], restartAttempts: 2, fault: "kill-process:mysqld" };
const kill = (h: SyntheticHistory) => h.fault("kill-process:mysqld", "effective", ["ctr1"]);

function history(ends: string[]): SyntheticHistory {
  const h = new SyntheticHistory().at(0).sample("placement:ctr3", on("ctr1"));
  ends.forEach((n, i) =>
    kill(h.at(1000 * (i + 1)))
      .at(1000 * (i + 1) + 200)
      .sample("placement:ctr3", on(""))
      .at(1000 * (i + 1) + 500)
      .sample("placement:ctr3", on(n)),
  );
  return h;
}

describe("restartThenRelocate", () => {
  it("is true for two restarts in place, then a relocation", () => {
    const v = restartThenRelocate(history(["ctr1", "ctr1", "ctr2"]).events(), opts);
    expect(v.valid).toBe(true);
    expect(v.details.endedOn).toEqual(["ctr1", "ctr1", "ctr2"]);
  });

  it("is false when the resource restarts in place forever (no restart limit)", () => {
    const v = restartThenRelocate(history(["ctr1", "ctr1", "ctr1"]).events(), opts);
    expect(v.valid).toBe(false);
    expect(v.details.reason).toMatch(/failure 3 left mysql on ctr1/);
  });

  it("is false when it relocates too early", () => {
    expect(restartThenRelocate(history(["ctr2", "ctr2", "ctr2"]).events(), opts).valid).toBe(false);
  });

  it("is unknown with too few faults", () => {
    expect(restartThenRelocate(history(["ctr1", "ctr1"]).events(), opts).valid).toBe("unknown");
  });
});
