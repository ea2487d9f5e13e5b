import { describe, expect, it } from "vitest";
import { renderGaleraCnf } from "./galera-cnf.ts";

describe("renderGaleraCnf", () => {
  const cnf = renderGaleraCnf({ clusterName: "prisma", nodeName: "vm-2", nodeIp: "10.0.0.3", memberIps: ["10.0.0.2", "10.0.0.3", "10.0.0.4"] });

  it("lists every member in gcomm:// and names this node", () => {
    expect(cnf).toContain('wsrep_cluster_address = "gcomm://10.0.0.2,10.0.0.3,10.0.0.4"');
    expect(cnf).toContain('wsrep_node_address = "10.0.0.3"');
    expect(cnf).toContain('wsrep_node_name = "vm-2"');
  });

  it("carries the guide's Galera and utf8 settings", () => {
    for (const line of [
      "wsrep_provider = /usr/lib/galera/libgalera_smm.so",
      "wsrep_sst_method = rsync",
      "binlog_format = ROW",
      "innodb_autoinc_lock_mode = 2",
      "bind-address = 0.0.0.0",
      "character-set-server = utf8",
      "collation-server = utf8_general_ci",
      "init-connect = 'SET NAMES utf8'",
    ])
      expect(cnf).toContain(line);
    expect(cnf.startsWith("# Written by haproof")).toBe(true);
  });

  it("logs to a file, not to syslog (containers have none)", () => {
    expect(cnf).toMatch(/\[mysqld_safe\]\nskip-syslog\nlog-error = \/var\/log\/mysql\/error.log/);
  });

  it("refuses an empty member list", () => {
    expect(() => renderGaleraCnf({ clusterName: "c", nodeName: "n", nodeIp: "1.2.3.4", memberIps: [] })).toThrow();
  });
});
