import type { Inventory } from "./inventory.ts";
import type { SiteFileInput, SiteRole } from "./schema.ts";

/** Which inventory groups give each site role, first match kept; a site file can override any of it. */
export type GroupMapping = Partial<Record<SiteRole, readonly string[]>>;

/** kolla-ansible's group names (its multinode inventory): service groups where kolla has them, else the host class. */
export const KOLLA_GROUPS: GroupMapping = {
  galera: ["mariadb"],
  rabbitmq: ["rabbitmq"],
  lb: ["loadbalancer", "haproxy"],
  controller: ["control"],
  network: ["network"],
};

/** openstack-ansible's group names (openstack_user_config.yml host groups and their inventory groups). */
export const OSA_GROUPS: GroupMapping = {
  galera: ["galera_all", "shared-infra_hosts"],
  rabbitmq: ["rabbitmq_all", "shared-infra_hosts"],
  lb: ["haproxy_all", "haproxy_hosts", "load_balancer_hosts"],
  gluster: ["gluster_all"],
  controller: ["os-infra_hosts", "identity_hosts"],
  network: ["network_hosts", "network-infra_hosts"],
};

/** The group mappings by inventory flavour, for `--inventory-flavour`. */
export const GROUP_MAPPINGS = { kolla: KOLLA_GROUPS, "openstack-ansible": OSA_GROUPS } as const;

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined);

/**
 * The hosts part of a site file from an inventory: each host that is in a mapped group, with its roles and its
 * SSH settings from the standard Ansible vars (ansible_host, ansible_user, ansible_port, ansible_ssh_private_key_file,
 * ansible_become). VIPs, groups, services and credentials are not in an inventory: the site file supplies them.
 * Host names are lower-cased. Pure.
 */
export function hostsFromInventory(inv: Inventory, mapping: GroupMapping): SiteFileInput["hosts"] {
  const roles = new Map<string, Set<SiteRole>>();
  for (const [role, groups] of Object.entries(mapping) as [SiteRole, readonly string[]][]) {
    for (const g of groups) for (const h of inv.groups[g] ?? []) (roles.get(h) ?? roles.set(h, new Set()).get(h)!).add(role);
  }
  return [...roles].map(([h, rs]) => {
    const v = inv.hostvars[h] ?? {};
    const identity = str(v.ansible_ssh_private_key_file) ?? str(v.ansible_private_key_file);
    const port = str(v.ansible_port) ?? str(v.ansible_ssh_port);
    return {
      name: h.toLowerCase(),
      address: str(v.ansible_host) ?? str(v.ansible_ssh_host) ?? h,
      ssh: {
        user: str(v.ansible_user) ?? str(v.ansible_ssh_user) ?? "root",
        ...(port ? { port: Number(port) } : {}),
        ...(identity ? { identity } : { agent: true }),
        sudo: v.ansible_become === true || v.ansible_become === "true" || v.ansible_become === "yes",
      },
      roles: [...rs],
    };
  });
}

/** Mapped roles that no inventory host plays, e.g. `lb (no host in loadbalancer, haproxy)`. Pure. */
export function unmappedRoles(inv: Inventory, mapping: GroupMapping): string[] {
  return (Object.entries(mapping) as [SiteRole, readonly string[]][])
    .filter(([, groups]) => groups.every((g) => !inv.groups[g]?.length))
    .map(([role, groups]) => `${role} (no host in ${groups.join(", ")})`);
}
