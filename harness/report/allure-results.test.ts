import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allureResultFile, isAcceptanceResult, stageAcceptanceResults } from "./allure-results.ts";

// Shaped like allure-vitest 3's results: fullName `<package>:<file>#<title>`, titlePath, a `package` label.
function result(uuid: string, file: string, attachments: string[] = [], stepAttachments: string[] = []) {
  const parts = file.split("/");
  return {
    uuid,
    name: "t",
    fullName: `haproof:${file}#suite t`,
    titlePath: ["haproof", ...parts, "suite"],
    status: "passed",
    stage: "finished",
    labels: [
      { name: "framework", value: "vitest" },
      { name: "package", value: `haproof.${parts.join(".")}` },
    ],
    steps: [{ name: "step", steps: [], attachments: stepAttachments.map((s) => ({ name: s, source: s, type: "text/plain" })) }],
    attachments: attachments.map((s) => ({ name: s, source: s, type: "text/plain" })),
    parameters: [],
    links: [],
  };
}

describe("allureResultFile and isAcceptanceResult", () => {
  it("name the test file from fullName, titlePath or the package label", () => {
    expect(allureResultFile(result("a", "scenarios/lb-failover.scenario.ts"))).toBe("scenarios/lb-failover.scenario.ts");
    const { fullName: _, ...noFullName } = result("b", "tests/chaos.it.ts");
    expect(allureResultFile(noFullName)).toBe("tests/chaos.it.ts");
    expect(allureResultFile({ labels: [{ name: "package", value: "haproof.harness.cli.set-option.test.ts" }] })).toBe("harness/cli/set-option.test.ts");
    expect(allureResultFile({ name: "x" })).toBeUndefined();
    expect(allureResultFile(null)).toBeUndefined();
  });

  it("keep scenarios, negative controls and chaos runs; leave unit tests, harness self-tests and anonymous results out", () => {
    expect(isAcceptanceResult(result("a", "scenarios/node-loss.scenario.ts"))).toBe(true);
    expect(isAcceptanceResult(result("b", "tests/controls.it.ts"))).toBe(true);
    expect(isAcceptanceResult(result("c", "tests/chaos.it.ts"))).toBe(true);
    expect(isAcceptanceResult(result("g", "tests/faults.it.ts"))).toBe(false);
    expect(isAcceptanceResult(result("h", "tests/report-render.it.ts"))).toBe(false);
    expect(isAcceptanceResult(result("d", "harness/cli/set-option.test.ts"))).toBe(false); // "--set parsing"
    expect(isAcceptanceResult(result("e", "scenarios/chaos/step-fault.test.ts"))).toBe(false);
    expect(isAcceptanceResult(result("f", "harness/observe/vips.test.ts"))).toBe(false); // "addrListHas"
    expect(isAcceptanceResult({ name: "no file" })).toBe(false);
  });
});

describe("stageAcceptanceResults", () => {
  it("copies only acceptance results, their attachments and containers, and the report-wide files", () => {
    const from = mkdtempSync(path.join(tmpdir(), "haproof-allure-results-"));
    const to = path.join(mkdtempSync(path.join(tmpdir(), "haproof-allure-staged-")), "staged");
    const write = (name: string, body: unknown) => writeFileSync(path.join(from, name), typeof body === "string" ? body : JSON.stringify(body));
    write("s1-result.json", result("s1", "scenarios/lb-failover.scenario.ts", ["a1-attachment.json"], ["a2-attachment.txt"]));
    write("c1-result.json", result("c1", "tests/controls.it.ts"));
    write("u1-result.json", result("u1", "harness/cli/set-option.test.ts", ["a3-attachment.txt"]));
    write("u2-result.json", result("u2", "harness/observe/vips.test.ts"));
    write("torn-result.json", '{"uuid": ');
    for (const a of ["a1-attachment.json", "a2-attachment.txt", "a3-attachment.txt", "a4-attachment.txt"]) write(a, "x");
    write("k1-container.json", { uuid: "k1", children: ["s1"], befores: [{ name: "setup", attachments: [{ source: "a4-attachment.txt" }] }] });
    write("k2-container.json", { uuid: "k2", children: ["u1"] });
    write("categories.json", "[]");
    write("environment.properties", "node=20\n");
    mkdirSync(path.join(from, "history"));
    write("history/history-trend.json", "[]");
    mkdirSync(to, { recursive: true });
    writeFileSync(path.join(to, "stale-result.json"), "{}");

    expect(stageAcceptanceResults(from, to)).toEqual({ kept: 2, dropped: 3 });
    expect(readdirSync(to).sort()).toEqual([
      "a1-attachment.json",
      "a2-attachment.txt",
      "a4-attachment.txt",
      "c1-result.json",
      "categories.json",
      "environment.properties",
      "history",
      "k1-container.json",
      "s1-result.json",
    ]);
    expect(existsSync(path.join(to, "history", "history-trend.json"))).toBe(true);
    expect(readdirSync(from)).toHaveLength(14); // the shared results dir is only read
  });
});
