import { describe, expect, it } from "vitest";
import { prisma } from "../../topologies/prisma.ts";
import { haproxyInput, renderHaproxyCfg } from "./haproxy-cfg.ts";

const backends = [
  { name: "vm-1", ip: "10.0.0.2" },
  { name: "vm-2", ip: "10.0.0.3" },
  { name: "vm-3", ip: "10.0.0.4" },
];
const base = { backends, writer: "vm-1", checkInterMs: 1000, fall: 2, rise: 3 };

describe("renderHaproxyCfg", () => {
  it("single-writer: the writer is normal, the other two are backup", () => {
    const cfg = renderHaproxyCfg({ ...base, mode: "single-writer" });
    expect(cfg).toContain("  server vm-1 10.0.0.2:3306 check port 9200\n");
    expect(cfg).toContain("  server vm-2 10.0.0.3:3306 check port 9200 backup");
    expect(cfg).toContain("  server vm-3 10.0.0.4:3306 check port 9200 backup");
    expect(cfg).toContain("on-marked-up shutdown-backup-sessions");
  });

  it("multi-writer: roundrobin over all, none backup", () => {
    const cfg = renderHaproxyCfg({ ...base, mode: "multi-writer" });
    expect(cfg).toContain("balance roundrobin");
    expect(cfg).not.toContain("backup");
  });

  it("checks clustercheck with the tunables and cuts sessions on down", () => {
    const cfg = renderHaproxyCfg({ ...base, mode: "single-writer" });
    expect(cfg).toContain("option httpchk");
    expect(cfg).toContain("default-server inter 1000 fall 2 rise 3 on-marked-down shutdown-sessions");
    expect(cfg).toContain("bind 0.0.0.0:3306");
    expect(cfg).toContain("stats socket /run/haproxy/admin.sock");
  });

  it("rejects a writer that is not a backend", () => {
    expect(() => renderHaproxyCfg({ ...base, writer: "vm-9", mode: "single-writer" })).toThrow(/vm-9/);
  });

  it("lb-no-healthcheck mutation: only MySQL's port is checked, never clustercheck", () => {
    const cfg = renderHaproxyCfg(haproxyInput({ ...prisma, mutations: ["lb-no-healthcheck"] }, backends, "single-writer"));
    expect(cfg).toContain("  server vm-1 10.0.0.2:3306 check\n");
    expect(cfg).not.toContain("9200");
    expect(cfg).not.toContain("httpchk");
    expect(renderHaproxyCfg(haproxyInput(prisma, backends, "single-writer"))).toContain("check port 9200");
  });
});
