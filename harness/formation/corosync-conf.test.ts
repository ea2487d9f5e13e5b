import { describe, expect, it } from "vitest";
import { renderCorosyncConf } from "./corosync-conf.ts";

const nodes = [
  { name: "controller-1", ip: "10.0.0.11", nodeid: 1 },
  { name: "controller-2", ip: "10.0.0.12", nodeid: 2 },
  { name: "controller-3", ip: "10.0.0.13", nodeid: 3 },
];

describe("renderCorosyncConf", () => {
  const conf = renderCorosyncConf({ clusterName: "prisma", nodes, tokenMs: 3000 });

  it("uses knet, the token and votequorum", () => {
    expect(conf).toMatch(/transport: knet/);
    expect(conf).toMatch(/token: 3000\n/);
    expect(conf).toMatch(/provider: corosync_votequorum/);
    expect(conf).toMatch(/cluster_name: prisma/);
  });

  it("lists every node with its address, name and id", () => {
    for (const n of nodes) expect(conf).toContain(`ring0_addr: ${n.ip}\n        name: ${n.name}\n        nodeid: ${n.nodeid}`);
    expect(conf.match(/node \{/g)).toHaveLength(3);
  });

  it("has balanced braces", () => {
    expect(conf.split("{").length).toBe(conf.split("}").length);
  });

  it("rejects an empty nodelist and duplicate ids", () => {
    expect(() => renderCorosyncConf({ clusterName: "x", nodes: [], tokenMs: 1000 })).toThrow();
    expect(() => renderCorosyncConf({ clusterName: "x", nodes: [nodes[0]!, { ...nodes[1]!, nodeid: 1 }], tokenMs: 1000 })).toThrow();
  });
});
