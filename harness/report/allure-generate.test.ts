import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateAllure } from "./allure-generate.ts";
import { allureTestLinks } from "./allure-tests.ts";
import { fakeAllure, writeResult } from "./fixtures/fake-allure.ts";

describe("generateAllure", () => {
  it("generates from the acceptance results only, leaving allure-results as it was", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "haproof-allure-gen-"));
    writeResult(root, "s1", "scenarios/lb-failover.scenario.ts", "lb-failover-1");
    writeResult(root, "u1", "harness/cli/set-option.test.ts");
    writeResult(root, "u2", "harness/observe/vips.test.ts");
    const r = await generateAllure(root, fakeAllure(root));
    expect(r).toMatchObject({ status: "done", code: 0, staged: { kept: 1, dropped: 2 }, index: path.join(root, "allure-report", "index.html") });
    expect(
      readFileSync(path.join(root, "allure-report", "staged.txt"), "utf8")
        .trim()
        .split("\n"),
    ).toEqual(["s1-result.json"]);
    expect(existsSync(path.join(root, "allure-results", "u1-result.json"))).toBe(true);
    expect(allureTestLinks(path.join(root, "allure-report"))).toEqual({ "lb-failover-1": "index.html#testresult/uid-lb-failover-1" });
  });

  it("skips without results or without the CLI", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "haproof-allure-gen-"));
    expect(await generateAllure(root, fakeAllure(root))).toMatchObject({ status: "skipped" });
    writeResult(root, "s1", "tests/chaos.it.ts");
    expect(await generateAllure(root, path.join(root, "missing"))).toMatchObject({ status: "skipped", reason: expect.stringMatching(/allure CLI not found/) });
  });
});

describe("allureTestLinks", () => {
  it("maps every runId parameter to its test, and is empty without a report", () => {
    const report = mkdtempSync(path.join(tmpdir(), "haproof-allure-rep-"));
    expect(allureTestLinks(report)).toEqual({});
    mkdirSync(path.join(report, "data", "test-cases"), { recursive: true });
    writeFileSync(
      path.join(report, "data", "test-cases", "a.json"),
      JSON.stringify({
        uid: "a",
        parameters: [
          { name: "runId", value: "r1" },
          { name: "runId", value: "r2" },
          { name: "x", value: "r3" },
        ],
      }),
    );
    writeFileSync(path.join(report, "data", "test-cases", "b.json"), "{torn");
    expect(allureTestLinks(report)).toEqual({ r1: "index.html#testresult/a", r2: "index.html#testresult/a" });
  });
});
