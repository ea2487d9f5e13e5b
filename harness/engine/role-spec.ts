/** What a container of one role needs from Docker: capabilities, devices, security options, volumes. */
export interface RoleSpec {
  capabilities: string[];
  devices: string[];
  securityOpts: string[];
  /** Mount points that get a labelled named volume each (e.g. Gluster bricks). */
  volumes: string[];
  sysctls: Record<string, string>;
}

const FUSE = { devices: ["/dev/fuse"], securityOpts: ["apparmor=unconfined"] };

/**
 * Per-role container needs, measured on this machine kind (PLATFORM.md): --privileged is refused,
 * so each role gets only what it uses. NET_ADMIN everywhere lets faults apply iptables/netem inside.
 */
export const ROLE_SPECS: Record<string, RoleSpec> = {
  datahost: { capabilities: ["NET_ADMIN"], devices: [], securityOpts: [], volumes: [], sysctls: {} },
  lb: {
    capabilities: ["NET_ADMIN", "NET_RAW", "NET_BROADCAST"],
    devices: [],
    securityOpts: [],
    volumes: [],
    sysctls: { "net.ipv4.ip_nonlocal_bind": "1" },
  },
  gluster: { capabilities: ["NET_ADMIN", "SYS_ADMIN"], ...FUSE, volumes: ["/bricks"], sysctls: {} },
  controller: { capabilities: ["NET_ADMIN", "NET_RAW", "SYS_ADMIN"], ...FUSE, volumes: [], sysctls: { "net.ipv4.ip_nonlocal_bind": "1" } },
  // Clusterware node: IPaddr2 VIPs (NET_ADMIN, NET_RAW) and GlusterFS FUSE data mounts (SYS_ADMIN, /dev/fuse).
  cwnode: { capabilities: ["NET_ADMIN", "NET_RAW", "SYS_ADMIN"], ...FUSE, volumes: [], sysctls: { "net.ipv4.ip_nonlocal_bind": "1" } },
};
