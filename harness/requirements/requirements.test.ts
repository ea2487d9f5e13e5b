import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_REQUIREMENTS,
  RequirementSchema,
  RequirementsError,
  UnknownRequirementError,
  applyRequirementsOverride,
  overrideFile,
  parseRequirementsOverride,
  requirementText,
  requirements,
  requirementsFor,
  thresholdMs,
} from "./index.ts";

const SCENARIOS = path.join(import.meta.dirname, "..", "..", "scenarios");
const scenarioFiles = readdirSync(SCENARIOS).filter((f) => f.endsWith(".scenario.ts"));
const source = (scenario: string) => readFileSync(path.join(SCENARIOS, `${scenario}.scenario.ts`), "utf8");

describe("the default requirement table", () => {
  it("is valid, with unique ids and one title per scenario", () => {
    for (const r of DEFAULT_REQUIREMENTS) expect(RequirementSchema.safeParse(r).success, r.id).toBe(true);
    expect(new Set(DEFAULT_REQUIREMENTS.map((r) => r.id)).size).toBe(DEFAULT_REQUIREMENTS.length);
    const keys = DEFAULT_REQUIREMENTS.map((r) => `${r.scenario}|${r.topology ?? "*"}|${r.title}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("resolves every literal thresholdMs(...) lookup a scenario file makes", () => {
    const calls = scenarioFiles.flatMap((f) => [...source(f.replace(/\.scenario\.ts$/, "")).matchAll(/thresholdMs\("([^"]+)", "([^"]+)"\)/g)]);
    expect(calls.length).toBeGreaterThanOrEqual(25);
    for (const [, scenario, key] of calls) expect(thresholdMs(scenario!, key!, undefined, DEFAULT_REQUIREMENTS), `${scenario} ${key}`).toBeGreaterThan(0);
  });

  it("gives every {threshold} text a threshold, and every metric requirement a threshold", () => {
    for (const r of DEFAULT_REQUIREMENTS) {
      if (r.text.includes("{threshold}") || r.metric) expect(r.thresholdMs, r.id).toBeTypeOf("number");
      expect(requirementText(r)).not.toContain("{threshold}");
    }
    const move = DEFAULT_REQUIREMENTS.find((r) => r.id === "PRISMA-CTRL-VIP-MOVE")!;
    expect(requirementText(move)).toBe("Controller_VIP moves to the other allowed controller within 26 s");
    expect(requirementText({ text: "in {threshold}", thresholdMs: 1500 })).toBe("in 1.5 s");
  });
});

describe("thresholdMs", () => {
  it("finds a threshold by metric or id", () => {
    expect(thresholdMs("node-loss", "controllerVipMoveMs", undefined, DEFAULT_REQUIREMENTS)).toBe(26_000);
    expect(thresholdMs("node-loss", "PRISMA-CTRL-KEYSTONE-OUTAGE", undefined, DEFAULT_REQUIREMENTS)).toBe(100_000);
    expect(thresholdMs("node-loss", "PRISMA-CTRL-REJOIN", undefined, DEFAULT_REQUIREMENTS)).toBe(59_000);
    expect(thresholdMs("controller-loss", "glanceVIPMoveMs", "clusterware", DEFAULT_REQUIREMENTS)).toBe(139_000);
  });

  it("throws a named error for an unknown key or a requirement without a threshold", () => {
    expect(() => thresholdMs("node-loss", "nope", undefined, DEFAULT_REQUIREMENTS)).toThrow(UnknownRequirementError);
    expect(() => thresholdMs("node-loss", "PRISMA-CTRL-PLACEMENT", undefined, DEFAULT_REQUIREMENTS)).toThrow(/no threshold/);
    expect(() => thresholdMs("no-such-scenario", "controllerVipMoveMs", undefined, DEFAULT_REQUIREMENTS)).toThrow(/no requirement/);
  });

  it("filters by topology: Clusterware-only requirements stay out of a PRISMA run", () => {
    expect(requirementsFor("restart-then-relocate", "prisma", DEFAULT_REQUIREMENTS).map((r) => r.id)).toEqual(["HAPROOF-RUNBOOK-COMPLETE", "HAPROOF-METRICS-RECORDED"]);
    expect(requirementsFor("restart-then-relocate", "clusterware", DEFAULT_REQUIREMENTS).map((r) => r.id)).toContain("CW-RESTART-THEN-RELOCATE");
  });
});

describe("site override", () => {
  const F = "site.json";

  it("patches a threshold and adds a requirement", () => {
    const o = parseRequirementsOverride(
      JSON.stringify({
        requirements: { "PRISMA-CTRL-VIP-MOVE": { thresholdMs: 20_000 } },
        add: [{ id: "SITE-EXTRA-CHECK", scenario: "node-loss", title: "x", text: "x", source: "site runbook §1" }],
      }),
      F,
    );
    const table = applyRequirementsOverride(DEFAULT_REQUIREMENTS, o, F);
    expect(thresholdMs("node-loss", "controllerVipMoveMs", undefined, table)).toBe(20_000);
    expect(requirementText(table.find((r) => r.id === "PRISMA-CTRL-VIP-MOVE")!)).toMatch(/within 20 s$/);
    expect(table.map((r) => r.id)).toContain("SITE-EXTRA-CHECK");
    expect(DEFAULT_REQUIREMENTS.find((r) => r.id === "PRISMA-CTRL-VIP-MOVE")!.thresholdMs).toBe(26_000);
  });

  it.each([
    ["a threshold given as a string", { requirements: { "PRISMA-CTRL-VIP-MOVE": { thresholdMs: "20s" } } }, /requirements\.PRISMA-CTRL-VIP-MOVE\.thresholdMs: .*number/],
    ["a negative threshold", { requirements: { "PRISMA-CTRL-VIP-MOVE": { thresholdMs: -1 } } }, /thresholdMs: .*>0/],
    ["a misspelt field", { requirements: { "PRISMA-CTRL-VIP-MOVE": { thresholdMS: 20_000 } } }, /requirements\.PRISMA-CTRL-VIP-MOVE: .*thresholdMS/],
    ["an unknown top-level key", { thresholds: {} }, /\(root\): .*thresholds/],
    ["an added requirement missing its source", { add: [{ id: "SITE-X-Y", scenario: "s", title: "c", text: "t" }] }, /add\.0\.source/],
    [
      "an added requirement carrying a formula in JSON",
      { add: [{ id: "SITE-X-Y", scenario: "s", title: "c", text: "t", source: "site SLA", bound: { kind: "prisma" } }] },
      /add\.0\.bound: must be a derived bound/,
    ],
  ])("rejects %s, naming the field", (_what, json, message) => {
    expect(() => parseRequirementsOverride(JSON.stringify(json), F)).toThrow(RequirementsError);
    expect(() => parseRequirementsOverride(JSON.stringify(json), F)).toThrow(message);
  });

  it("rejects text that is not JSON, an unknown id, and an added id that already exists", () => {
    expect(() => parseRequirementsOverride("{ thresholdMs: 1", F)).toThrow(/site\.json: not JSON/);
    const unknown = parseRequirementsOverride(JSON.stringify({ requirements: { "PRISMA-NOPE-X": { thresholdMs: 1 } } }), F);
    expect(() => applyRequirementsOverride(DEFAULT_REQUIREMENTS, unknown, F)).toThrow(/requirements\.PRISMA-NOPE-X: no requirement has this id/);
    // A formula is code: the JSON copy of a requirement leaves its bound out.
    const dup = parseRequirementsOverride(JSON.stringify({ add: [{ ...DEFAULT_REQUIREMENTS[0], bound: undefined }] }), F);
    expect(() => applyRequirementsOverride(DEFAULT_REQUIREMENTS, dup, F)).toThrow(/add\.0\.id: PRISMA-CTRL-VIP-MOVE already exists/);
  });

  describe("from HAPROOF_REQUIREMENTS", () => {
    const saved = process.env.HAPROOF_REQUIREMENTS;
    afterEach(() => {
      if (saved === undefined) delete process.env.HAPROOF_REQUIREMENTS;
      else process.env.HAPROOF_REQUIREMENTS = saved;
    });

    it("loads the named file, and rejects a malformed one with its path in the message", () => {
      const dir = mkdtempSync(path.join(tmpdir(), "haproof-req-"));
      const good = path.join(dir, "good.json");
      writeFileSync(good, JSON.stringify({ requirements: { "PRISMA-CTRL-KEYSTONE-OUTAGE": { thresholdMs: 45_000 } } }));
      process.env.HAPROOF_REQUIREMENTS = good;
      expect(overrideFile()).toBe(good);
      expect(thresholdMs("node-loss", "keystoneOutageMs")).toBe(45_000);
      const bad = path.join(dir, "bad.json");
      writeFileSync(bad, JSON.stringify({ requirements: { "PRISMA-CTRL-KEYSTONE-OUTAGE": { thresholdMs: null } } }));
      process.env.HAPROOF_REQUIREMENTS = bad;
      expect(() => requirements()).toThrow(`${bad}: requirements.PRISMA-CTRL-KEYSTONE-OUTAGE.thresholdMs`);
      process.env.HAPROOF_REQUIREMENTS = path.join(dir, "missing.json");
      expect(() => requirements()).toThrow(/does not exist/);
    });
  });
});
