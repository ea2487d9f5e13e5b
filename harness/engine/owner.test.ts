import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { formatOwner, ownerState, parseOwner, processStarted, selfOwner } from "./owner.ts";

describe("run owners", () => {
  it("round-trips through the label value, and rejects a malformed one", () => {
    const o = { host: "ci-host", pid: 4242, started: 987654 };
    expect(parseOwner(formatOwner(o))).toEqual(o);
    expect(parseOwner("ci-host:42")).toBeUndefined();
    expect(parseOwner(undefined)).toBeUndefined();
  });

  it("says alive for this process, gone for an exited one, elsewhere for another machine", () => {
    const me = selfOwner();
    expect(me.started).toBeGreaterThan(0);
    expect(ownerState(me)).toBe("alive");
    const child = spawnSync(process.execPath, ["-e", "0"]);
    expect(child.status).toBe(0);
    // The child has exited; its pid names no process (or another one, started later).
    expect(ownerState({ host: me.host, pid: child.pid!, started: me.started - 1 })).toBe("gone");
    expect(ownerState({ ...me, host: `${me.host}-other` })).toBe("elsewhere");
  });

  it("says gone when the pid was reused by a process that started at another time", () => {
    const me = selfOwner();
    expect(ownerState({ ...me, started: me.started + 1 })).toBe("gone");
    expect(processStarted(me.pid)).toBe(me.started);
  });
});
