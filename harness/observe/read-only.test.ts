import { describe, expect, it } from "vitest";
import type { ExecResult, Host } from "../transport/index.ts";
import { galeraStatus } from "./galera-status.ts";
import { glusterStatus, healInfoCount } from "./gluster-status.ts";
import { lbStatus } from "./lb-status.ts";
import { pacemakerStatus } from "./pacemaker-status.ts";
import { rabbitAppRunning } from "./rabbitmq-app.ts";
import { queueMirrors } from "./rabbitmq-queues.ts";
import { rabbitStatus } from "./rabbitmq-status.ts";
import { isReadOnlyCommand, NotReadOnlyError, ReadOnlyHost } from "./read-only.ts";
import { vipHolders } from "./vip-holders.ts";

/** A host that records what reaches it and answers every command with empty success. */
function recording(): Host & { reached: string[] } {
  const reached: string[] = [];
  return {
    name: "ctl-1",
    role: "controller",
    ip: "10.0.0.1",
    reached,
    exec: async (cmd: string | string[]): Promise<ExecResult> => {
      reached.push(typeof cmd === "string" ? cmd : cmd.join(" "));
      return { exitCode: 0, stdout: "", stderr: "" };
    },
    writeFile: async (path: string) => {
      reached.push(`write ${path}`);
    },
    readFile: async () => "",
    logs: async () => "",
    stream: (script: string) => {
      reached.push(`stream ${script}`);
      const ended = Promise.resolve({ exitCode: 0 });
      return { ended, stop: async () => void (await ended) };
    },
  };
}

describe("the preflight's read-only host", () => {
  it("lets every status reader's commands through, and only those reach the host", async () => {
    const inner = recording();
    const h = new ReadOnlyHost(inner);
    const site = { vipAddress: () => "10.0.0.100" };
    // Readers parse the empty answers as they can; what matters here is what they asked to run.
    const readers = [
      () => galeraStatus(h),
      () => lbStatus(h, "10.0.0.100"),
      () => vipHolders(site, "db", [h]),
      () => pacemakerStatus(h),
      () => rabbitStatus(h),
      () => rabbitAppRunning(h),
      () => queueMirrors(h, "haproof.q"),
      () => glusterStatus(h),
      () => healInfoCount(h),
      () => h.logs(50),
    ];
    const refused: unknown[] = [];
    for (const r of readers) await r().catch((e: unknown) => e instanceof NotReadOnlyError && refused.push(e));
    expect(refused).toEqual([]);
    expect(h.ran).toEqual(inner.reached);
    expect(h.ran.length).toBeGreaterThanOrEqual(12);
  });

  it("refuses anything else before it reaches the host: writes, scripts, another user, mutating commands", async () => {
    const inner = recording();
    const h = new ReadOnlyHost(inner);
    const bad: (string | string[])[] = [
      ["rabbitmqctl", "stop_app"],
      ["mariadb", "--connect-timeout=3", "-N", "-B", "-e", "DROP TABLE haproof_probe.seq"],
      ["mariadb", "--connect-timeout=3", "-N", "-B", "-e", "SELECT 1; DELETE FROM t"],
      ["mariadb", "--connect-timeout=3", "-N", "-B", "-e", "SELECT * FROM t INTO OUTFILE '/tmp/x'"],
      ["gluster", "--mode=script", "volume", "stop", "gfile"],
      ["crm_mon", "-1", "--output-as=xml", "; reboot"],
      "crm_mon -1 --output-as=xml",
      ["pidof", "haproxy; reboot"],
    ];
    for (const c of bad) await expect(h.exec(c)).rejects.toBeInstanceOf(NotReadOnlyError);
    await expect(h.exec(["ip", "-o", "addr", "show"], { user: "root" })).rejects.toBeInstanceOf(NotReadOnlyError);
    await expect(h.writeFile("/etc/haproxy/haproxy.cfg")).rejects.toThrow('ctl-1: refused "write /etc/haproxy/haproxy.cfg"');
    expect(await h.stream("while :; do ip -o addr show; done").ended).toMatchObject({ exitCode: null, error: expect.stringMatching(/^ctl-1: refused "while/) });
    expect(inner.reached).toEqual([]);
  });

  it("matches whole argv patterns, not prefixes", () => {
    expect(isReadOnlyCommand(["ip", "-o", "addr", "show"])).toBe(true);
    expect(isReadOnlyCommand(["ip", "-o", "addr", "show", "dev", "eth0", "&&", "x"])).toBe(false);
    expect(isReadOnlyCommand(["ip", "addr", "add", "10.0.0.9/24", "dev", "eth0"])).toBe(false);
    expect(isReadOnlyCommand(["mariadb", "--connect-timeout=3", "-N", "-B", "-e", "show global status"])).toBe(true);
  });
});
