import { describe, expect, it } from "vitest";
import { fixtureRun } from "./fixture-run.ts";
import { junitXml, xmlEscape } from "./junit.ts";

const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;
const attr = (xml: string, tag: string, name: string) => xml.match(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`))?.[1];

describe("junitXml", () => {
  it("has one testsuite per run and one testcase per check; failure for false, error for unknown", () => {
    const run = fixtureRun();
    const xml = junitXml([run]);
    const checks = run.summary.checks;
    expect(count(xml, /<testsuite\b/g)).toBe(1);
    expect(count(xml, /<testcase\b/g)).toBe(checks.length);
    expect(count(xml, /<failure\b/g)).toBe(checks.filter((c) => c.valid === false).length);
    expect(count(xml, /<error\b/g)).toBe(checks.filter((c) => c.valid === "unknown").length);
    expect(attr(xml, "testsuites", "tests")).toBe("9");
    expect(attr(xml, "testsuite", "failures")).toBe("2");
    expect(attr(xml, "testsuite", "errors")).toBe("1");
    expect(attr(xml, "testsuite", "name")).toBe("node-loss");
    expect(xml).toContain('<property name="metric.controllerVipMoveMs" value="9997.302585000001"/>');
    expect(xml).toMatch(/<testcase classname="haproof\.prisma\.node-loss" name="Controller_VIP moved to the other allowed controller" time="0"\/>/);
  });

  it("escapes names and details, drops characters XML cannot carry, and clips long details", () => {
    const run = fixtureRun((s) => {
      s.scenario = `a<b>&"c'`;
      s.checks = [{ name: "x & <y>\u0001", valid: false, details: { blob: "z".repeat(50), quote: `"]]>` } }];
    });
    const xml = junitXml([run], { maxDetails: 30, note: () => "req <R-1>" });
    expect(xml).toContain('name="a&lt;b&gt;&amp;&quot;c&apos;"');
    expect(xml).toContain('name="x &amp; &lt;y&gt;"');
    expect(xml).not.toContain("\u0001");
    expect(xml).toMatch(/more characters in summary\.json/);
    expect(xml).toContain("<system-out>req &lt;R-1&gt;</system-out>");
    // Every tag left is balanced: strip the self-closed ones, then opens must match closes.
    const body = xml.replace(/<\?xml[^>]*>/, "").replace(/<[^>]+\/>/g, "");
    expect(count(body, /<[a-z-]+\b/g)).toBe(count(body, /<\/[a-z-]+>/g));
  });

  it("escapes the five XML characters", () => {
    expect(xmlEscape(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });
});
