import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SyntheticHistory } from "../history/synthetic.ts";
import { finishReport } from "./finish-report.ts";

const events = new SyntheticHistory().at(0).call("mysql", "insert", "ok").at(100).call("mysql", "insert", "fail").events();
const logs = (name: string) => async () => {
  if (name === "vm-2") throw new Error("container gone");
  return `log of ${name}`;
};
const running = { hosts: ["vm-1", "vm-2"].map((name) => ({ name, logs: logs(name) })) };

function base(dir: string, valid: boolean) {
  const printed: string[] = [];
  return {
    printed,
    input: {
      dir,
      runId: "r1",
      scenario: "node-loss",
      topology: "prisma",
      startedAt: new Date(0).toISOString(),
      durationMs: 500,
      verdicts: { outage: { valid, details: {} } },
      metrics: { maxOutageMs: 100 },
      events,
      running,
      print: (t: string) => printed.push(t),
    },
  };
}

describe("finishReport", () => {
  it("summarizes, writes the report, saves logs of a failed run and prints the table", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "haproof-finish-")), "r1");
    const { input, printed } = base(dir, false);
    const s = await finishReport(input);
    expect(s.verdict).toBe("fail");
    expect(existsSync(s.files.timelineHtml)).toBe(true);
    expect(readFileSync(path.join(dir, "logs", "vm-1.log"), "utf8")).toBe("log of vm-1");
    expect(readFileSync(path.join(dir, "logs", "vm-2.log"), "utf8")).toContain("container gone");
    expect(printed[0]).toContain("VERDICT: FAIL");
  });

  it("skips logs when the run passed", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "haproof-finish-")), "r1");
    const s = await finishReport(base(dir, true).input);
    expect(s.verdict).toBe("pass");
    expect(existsSync(path.join(dir, "logs"))).toBe(false);
  });

  it("records the running topology's tunables in summary.json unless the input names its own", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "haproof-finish-")), "r1");
    const { input } = base(dir, true);
    const withTopology = { ...input, running: { ...running, topology: { tunables: { corosyncTokenMs: 3000 } } } };
    expect((await finishReport(withTopology)).tunables).toEqual({ corosyncTokenMs: 3000 });
    expect(JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8")).tunables).toEqual({ corosyncTokenMs: 3000 });
    expect((await finishReport({ ...withTopology, tunables: { corosyncTokenMs: 20_000 } })).tunables).toEqual({ corosyncTokenMs: 20_000 });
  });
});
