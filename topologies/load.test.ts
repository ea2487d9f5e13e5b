import { describe, expect, it } from "vitest";
import { loadTopology, TopologyError, validateTopology } from "./load.ts";
import { prisma } from "./prisma.ts";

const clone = () => structuredClone(prisma) as unknown as Record<string, any>;

function fieldOf(data: unknown): string | undefined {
  try {
    validateTopology(data);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(TopologyError);
    return (e as TopologyError).field;
  }
}

describe("topology validation", () => {
  it("accepts the PRISMA topology as declared", () => {
    const t = loadTopology("prisma");
    expect(t.hosts).toHaveLength(11);
    expect(t.groups.map((g) => g.name)).toEqual(["g_controller", "g_network"]);
  });

  it("rejects an unknown topology name", () => {
    expect(() => loadTopology("nope")).toThrow(/unknown topology "nope"/);
  });

  it("names a malformed host name", () => {
    const t = clone();
    t.hosts[0].name = "VM_1";
    expect(fieldOf(t)).toBe("hosts.0.name");
  });

  it("names a duplicate host", () => {
    const t = clone();
    t.hosts[1].name = "vm-1";
    expect(fieldOf(t)).toBe("hosts.1.name");
  });

  it("names a VIP allowed on an unknown host", () => {
    const t = clone();
    t.vips[0].allowed = ["lb-9"];
    expect(fieldOf(t)).toBe("vips.0.allowed.0");
  });

  it("rejects a group both allowed and forbidden on a host", () => {
    const t = clone();
    t.groups[0].forbidden = ["controller-1"];
    expect(fieldOf(t)).toBe("groups.0.forbidden");
  });

  it("rejects a group on an undeclared VIP", () => {
    const t = clone();
    t.groups[1].vip = "storage";
    expect(fieldOf(t)).toBe("groups.1.vip");
  });

  it("rejects a Galera writer that is not a data host", () => {
    const t = clone();
    t.galera.writer = "lb-1";
    expect(fieldOf(t)).toBe("galera.writer");
  });

  it("rejects a replica count larger than the gluster hosts", () => {
    expect(() => loadTopology("prisma", { hosts: prisma.hosts.filter((h) => h.name !== "gluster-3") })).toThrow(/replica 3 needs 3/);
  });

  it("rejects out-of-range tunables with the field path", () => {
    const t = clone();
    t.tunables.corosyncTokenMs = 10;
    expect(fieldOf(t)).toBe("tunables.corosyncTokenMs");
  });

  it("rejects a missing section", () => {
    const t = clone();
    delete t.galera;
    expect(fieldOf(t)).toBe("galera");
  });

  it("merges overrides, such as the multi-writer variant", () => {
    const t = loadTopology("prisma", { galera: { mode: "multi-writer" } });
    expect(t.galera).toEqual({ mode: "multi-writer", writer: "vm-1", sst: "rsync" });
  });
});
