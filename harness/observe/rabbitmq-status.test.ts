import { describe, expect, it } from "vitest";
import { parseClusterStatus } from "./rabbitmq-status.ts";

describe("parseClusterStatus", () => {
  it("reads running nodes of a healthy cluster", () => {
    const out = JSON.stringify({ disk_nodes: ["rabbit@vm-1"], running_nodes: ["rabbit@vm-2", "rabbit@vm-1", "rabbit@vm-3"], partitions: {}, alarms: [] });
    expect(parseClusterStatus(out)).toEqual({ running: ["rabbit@vm-1", "rabbit@vm-2", "rabbit@vm-3"], partitions: [] });
  });

  it("flattens a partition report and skips banner lines", () => {
    const out = `Cluster status of node rabbit@vm-1 ...\n${JSON.stringify({ running_nodes: ["rabbit@vm-1"], partitions: { "rabbit@vm-1": ["rabbit@vm-3"] } })}\n`;
    expect(parseClusterStatus(out)).toEqual({ running: ["rabbit@vm-1"], partitions: ["rabbit@vm-1", "rabbit@vm-3"] });
  });

  it("accepts partitions as a list of pairs", () => {
    const out = JSON.stringify({ running_nodes: [], partitions: [["rabbit@vm-2", ["rabbit@vm-1"]]] });
    expect(parseClusterStatus(out).partitions).toEqual(["rabbit@vm-1", "rabbit@vm-2"]);
  });

  it("throws on output without JSON", () => {
    expect(() => parseClusterStatus("Error: unable to perform an operation")).toThrow(/no JSON/);
  });
});
