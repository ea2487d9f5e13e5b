import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { orphansAmong } from "./orphans.ts";
import { formatOwner, selfOwner } from "./owner.ts";
import { describeRun, type EngineRun } from "./runs.ts";

const run = (runId: string, owner: string | undefined, kept = false): EngineRun => ({ runId, owner, kept, containers: 11, networks: 1, volumes: 3 });

describe("orphaned runs", () => {
  const me = selfOwner();
  const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
  const gone = formatOwner({ host: me.host, pid: dead, started: me.started - 1 });

  it("names a run whose owner process on this machine is gone", () => {
    expect(orphansAmong([run("a", gone)]).map((r) => r.runId)).toEqual(["a"]);
  });

  it("never names a run whose owner is alive, of another machine, unowned, or kept on purpose", () => {
    const runs = [run("alive", formatOwner(me)), run("other", formatOwner({ ...me, host: "elsewhere" })), run("unowned", undefined), run("kept", gone, true)];
    expect(orphansAmong(runs)).toEqual([]);
  });

  it("describes a run by what it holds", () => {
    expect(describeRun(run("x", undefined))).toBe("run x: 11 containers, 1 network, 3 volumes");
  });
});
