import { describe, expect, it } from "vitest";
import { parseWsrepStatus } from "./galera-status.ts";

describe("parseWsrepStatus", () => {
  it("reads a synced primary member", () => {
    const out = "wsrep_cluster_size\t3\nwsrep_cluster_status\tPrimary\nwsrep_local_state_comment\tSynced\nwsrep_ready\tON\n";
    expect(parseWsrepStatus(out)).toEqual({ size: 3, status: "Primary", state: "Synced", ready: true });
  });

  it("reads an isolated node", () => {
    const out = "wsrep_cluster_size\t1\nwsrep_cluster_status\tnon-Primary\nwsrep_local_state_comment\tInitialized\nwsrep_ready\tOFF\n";
    expect(parseWsrepStatus(out)).toEqual({ size: 1, status: "non-Primary", state: "Initialized", ready: false });
  });

  it("defaults what is missing", () => {
    expect(parseWsrepStatus("")).toEqual({ size: 0, status: "unknown", state: "unknown", ready: false });
  });
});
