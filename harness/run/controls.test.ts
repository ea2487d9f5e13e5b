import { describe, expect, it } from "vitest";
import { MUTATIONS } from "../../topologies/index.ts";
import { listScenarios } from "./scenario-files.ts";
import { CONTROLS, expectedFailures } from "./controls.ts";

describe("controls table", () => {
  it("names real mutations and real scenarios, each with at least one failing check", () => {
    for (const c of CONTROLS) {
      expect(Object.keys(MUTATIONS)).toContain(c.mutation);
      expect(listScenarios()).toContain(c.scenario);
      expect(c.failing.length).toBeGreaterThan(0);
    }
  });

  it("expects a pass (null) without a matching mutation, and the union of rows with several", () => {
    expect(expectedFailures("node-loss", [])).toBeNull();
    expect(expectedFailures("node-loss", ["rabbit-no-ha-policy"])).toBeNull();
    expect(expectedFailures("node-loss", ["keystone-keys-unsynced"])).toEqual(["PRISMA-CTRL-TOKENS"]);
    expect(expectedFailures("node-loss", ["keystone-keys-unsynced", "controller-group-unconstrained"])).toHaveLength(2);
  });
});
