import { describe, expect, it } from "vitest";
import { expandHostPattern, fromInventoryList, InventoryError, parseIniInventory, parseYamlInventory } from "./inventory.ts";
import { hostsFromInventory, KOLLA_GROUPS, OSA_GROUPS, unmappedRoles } from "./inventory-site.ts";

const KOLLA_INI = `
# kolla-ansible multinode, trimmed
[control]
ctl[01:03] ansible_user=kolla ansible_become=true

[network]
ctl02
ctl03 ansible_host=172.30.0.13

[all:vars]
ansible_ssh_private_key_file=/keys/kolla

[mariadb:children]
control

[rabbitmq:children]
control

[loadbalancer:children]
network
`;

describe("Ansible inventories", () => {
  it("expands numeric ranges with their padding", () => {
    expect(expandHostPattern("ctl[01:03]")).toEqual(["ctl01", "ctl02", "ctl03"]);
    expect(expandHostPattern("db[8:10].x")).toEqual(["db8.x", "db9.x", "db10.x"]);
    expect(expandHostPattern("plain")).toEqual(["plain"]);
  });

  it("reads a static INI inventory: children resolved, vars from groups and hosts", () => {
    const inv = parseIniInventory(KOLLA_INI);
    expect(inv.groups.mariadb).toEqual(["ctl01", "ctl02", "ctl03"]);
    expect(inv.groups.loadbalancer).toEqual(["ctl02", "ctl03"]);
    expect(inv.hostvars.ctl03).toMatchObject({ ansible_host: "172.30.0.13", ansible_user: "kolla", ansible_ssh_private_key_file: "/keys/kolla" });
    expect(() => parseIniInventory("[broken\nx")).toThrow(InventoryError);
  });

  it("reads YAML and ansible-inventory --list the same way, a child's vars over its parent's", () => {
    const yaml = parseYamlInventory(`
all:
  vars: { ansible_user: root }
  children:
    galera_all:
      vars: { ansible_user: osa }
      hosts:
        infra1: { ansible_host: 172.30.0.31 }
        infra2:
    haproxy_all:
      hosts:
        lb1: { ansible_host: 172.30.0.41, ansible_port: 2222 }
`);
    expect(yaml.groups.all).toEqual(["infra1", "infra2", "lb1"]);
    expect(yaml.hostvars.infra1).toMatchObject({ ansible_user: "osa", ansible_host: "172.30.0.31" });
    expect(yaml.hostvars.lb1.ansible_user).toBe("root");
    const list = fromInventoryList(
      JSON.stringify({
        _meta: { hostvars: { infra1: { ansible_host: "172.30.0.31" } } },
        all: { children: ["galera_all", "ungrouped"] },
        galera_all: { hosts: ["infra1", "infra2"] },
      }),
    );
    expect(list.groups.all).toEqual(["infra1", "infra2"]);
    expect(() => parseYamlInventory("a: [")).toThrow(/not YAML/);
    expect(() => parseYamlInventory("a:\n  children:\n    a: {}\n")).toThrow(/its own child/);
  });

  it("maps kolla and openstack-ansible groups to site roles, with SSH settings from the standard vars", () => {
    const hosts = hostsFromInventory(parseIniInventory(KOLLA_INI), KOLLA_GROUPS);
    expect(hosts.find((h) => h.name === "ctl03")).toEqual({
      name: "ctl03",
      address: "172.30.0.13",
      ssh: { user: "kolla", identity: "/keys/kolla", sudo: true },
      roles: ["galera", "rabbitmq", "lb", "controller", "network"],
    });
    expect(hosts.find((h) => h.name === "ctl01")?.roles).toEqual(["galera", "rabbitmq", "controller"]);
    const osa = parseYamlInventory("galera_all:\n  hosts:\n    Infra1: { ansible_port: 2222 }\n");
    expect(hostsFromInventory(osa, OSA_GROUPS)).toEqual([{ name: "infra1", address: "Infra1", ssh: { user: "root", port: 2222, agent: true, sudo: false }, roles: ["galera"] }]);
    expect(unmappedRoles(osa, OSA_GROUPS)).toContain("lb (no host in haproxy_all, haproxy_hosts, load_balancer_hosts)");
  });
});
