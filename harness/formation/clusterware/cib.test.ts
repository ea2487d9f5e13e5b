import { describe, expect, it } from "vitest";
import { clusterware } from "../../../topologies/clusterware.ts";
import { validateTopology } from "../../../topologies/load.ts";
import type { ClusterwareTopology } from "../../../topologies/clusterware-schema.ts";
import { clusterwareCib } from "./cib.ts";

const addr = { vipAddress: (n: string) => `10.9.0.${200 + clusterware.vips.findIndex((v) => v.name === n)}`, prefixLength: 24, iface: "eth0" };
const derive = (over: Partial<ClusterwareTopology> = {}) => clusterwareCib(validateTopology({ ...clusterware, ...over }) as ClusterwareTopology, addr);

describe("clusterwareCib", () => {
  it("turns each service chain into one group VIP -> data mount -> service", () => {
    const cib = derive();
    expect(cib.groups.map((g) => [g.id, g.members])).toEqual([
      ["g_mysql", ["mysqlVIP", "mysql_data", "mysql"]],
      ["g_rabbitmq", ["rabbitmqVIP", "rabbitmq_data", "rabbitmq"]],
      ["g_keystone", ["keystoneVIP", "keystone"]],
      ["g_glance", ["glanceVIP", "glance_data", "glance"]],
      ["g_network", ["neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"]],
    ]);
    const mysql = cib.groups[0]!.xml;
    expect(mysql).toMatch(
      /<group id="g_mysql"><primitive id="mysqlVIP" class="ocf" provider="heartbeat" type="IPaddr2">.*<primitive id="mysql_data" class="ocf" provider="heartbeat" type="Filesystem">.*<primitive id="mysql" class="ocf" provider="haproof" type="action">/,
    );
    expect(mysql).toContain('name="device" value="storage-1:/cwshared/mysql"');
    expect(mysql).toContain('name="fstype" value="glusterfs"');
    expect(mysql).toContain('name="options" value="backup-volfile-servers=storage-2"');
    expect(mysql).toContain('name="data_dir" value="/srv/mysql"');
    expect(mysql).toContain('name="ip" value="10.9.0.200"');
    expect(cib.groups[4]!.xml).toContain('type="Dummy"');
  });

  it("keeps each pool's groups inside the pool with location constraints", () => {
    const byId = Object.fromEntries(derive().constraints.map((c) => [c.id, c.xml.match(/score="([^"]+)"/)![1]]));
    expect(byId).toMatchObject({
      "loc-g_mysql-ctr1": "100",
      "loc-g_mysql-ctr2": "50",
      "loc-g_mysql-ctr3": "-INFINITY",
      "loc-g_mysql-ctr4": "-INFINITY",
      "loc-g_network-ctr3": "100",
      "loc-g_network-ctr4": "50",
      "loc-g_network-ctr1": "-INFINITY",
      "loc-g_network-ctr2": "-INFINITY",
    });
    // Storage hosts are not cluster nodes: no constraint names them.
    expect(Object.keys(byId).some((k) => k.includes("storage"))).toBe(false);
  });

  it("maps CHECK_INTERVAL to every monitor and RESTART_ATTEMPTS to migration-threshold", () => {
    const cib = derive({ tunables: { ...clusterware.tunables, checkIntervalS: 7, restartAttempts: 2 } });
    for (const g of cib.groups) expect(g.xml.match(/name="monitor" interval="(\d+)s"/g)?.every((m) => m.includes('"7s"'))).toBe(true);
    expect(cib.rscDefaults["migration-threshold"]).toBe("3");
    expect(cib.properties["start-failure-is-fatal"]).toBe("false");
    expect(derive({ tunables: { ...clusterware.tunables, restartAttempts: 0 } }).rscDefaults["migration-threshold"]).toBe("1");
  });

  it("no-restart-limit drops migration-threshold (restart in place forever)", () => {
    const cib = derive({ mutations: ["no-restart-limit"] });
    expect(cib.rscDefaults["migration-threshold"]).toBeUndefined();
    expect(cib.rscDefaults["failure-timeout"]).toBe("600s");
  });

  it("shared-vip puts RabbitMQ behind MySQL's VIP in MySQL's group", () => {
    const cib = derive({ mutations: ["shared-vip"] });
    expect(cib.groups.map((g) => g.id)).toEqual(["g_mysql", "g_keystone", "g_glance", "g_network"]);
    expect(cib.groups[0]!.members).toEqual(["mysqlVIP", "mysql_data", "mysql", "rabbitmq_data", "rabbitmq"]);
    expect(cib.serviceVip).toMatchObject({ mysql: "mysqlVIP", rabbitmq: "mysqlVIP" });
    expect(derive().serviceVip.rabbitmq).toBe("rabbitmqVIP");
  });
});
