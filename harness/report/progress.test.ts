import { describe, expect, it } from "vitest";
import { History } from "../history/history.ts";
import { startProgress, type ProgressStream } from "./progress.ts";

function fakeStream(isTTY: boolean): ProgressStream & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    isTTY,
    columns: 200,
    write: (c: string | Uint8Array) => {
      out.push(String(c));
      return true;
    },
  };
}

function busyHistory(): History {
  const h = new History();
  for (let i = 0; i < 3; i++) {
    h.op("keystone", "issue-token", "invoke", { id: i });
    h.op("keystone", "issue-token", i === 2 ? "fail" : "ok", { id: i });
  }
  h.op("glance", "download", "invoke", { id: 0 });
  h.op("glance", "download", "info", { id: 0 });
  return h;
}

describe("startProgress", () => {
  it("prints one line per phase with per-probe counts when not on a TTY", () => {
    const h = busyHistory();
    const s = fakeStream(false);
    const p = startProgress(h, { stream: s, label: "node-loss", mode: "lines" });
    p.phase("inject kill on controller-1");
    p.stop();
    p.stop();
    expect(s.out).toHaveLength(2);
    expect(s.out[0]).toMatch(/^\[ +\d+\.\ds\] node-loss ▸ inject kill on controller-1 \(keystone 2 ok\/1 fail, glance 0 ok\/0 fail\/1 unknown\)\n$/);
    expect(s.out[1]).toContain("■ clients stopped");
  });

  it("on a TTY redraws one status line with the phase, the history's current fault and the counts", () => {
    const h = busyHistory();
    const s = fakeStream(true);
    const p = startProgress(h, { stream: s, label: "node-loss", mode: "tty", intervalMs: 60_000 });
    p.phase("until Controller_VIP on controller-2");
    h.fault("kill", "start", ["controller-1"]);
    p.phase("until Keystone issues a token");
    const status = s.out.at(-1)!;
    expect(status.startsWith("\r\x1b[2K")).toBe(true);
    expect(status).not.toContain("\n");
    expect(status).toContain("until Keystone issues a token │ fault: kill → controller-1 │ keystone 2✓ 1✗ · glance 0✓ 0✗ 1?".replace(" · ", ", "));
    h.fault("kill", "healed", ["controller-1"]);
    p.fault("manual description");
    expect(s.out.at(-1)).toContain("fault: manual description");
    p.fault(null);
    expect(s.out.at(-1)).not.toContain("fault:");
    p.stop();
  });

  it("clears the status line before other output, redraws it after, and gives write back on stop", () => {
    const s = fakeStream(true);
    const before = s.write;
    const p = startProgress(new History(), { stream: s, mode: "tty", intervalMs: 60_000 });
    expect(s.write).not.toBe(before);
    s.write("a log line\n");
    const i = s.out.indexOf("a log line\n");
    expect(s.out[i - 1]).toBe("\r\x1b[2K");
    expect(s.out[i + 1].startsWith("\r\x1b[2K")).toBe(true);
    p.stop();
    expect(s.write).toBe(before);
  });

  it("prints nothing in off mode", () => {
    const s = fakeStream(true);
    const p = startProgress(busyHistory(), { stream: s, mode: "off" });
    p.phase("x");
    p.stop();
    expect(s.out).toEqual([]);
  });
});
