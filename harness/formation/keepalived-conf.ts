/** Inputs of {@link renderKeepalivedConf}. */
export interface KeepalivedConfInput {
  routerId: string;
  /** MASTER for the preferred balancer (lb-1), BACKUP for the others. */
  state: "MASTER" | "BACKUP";
  priority: number;
  iface: string;
  virtualRouterId: number;
  advertIntS: number;
  vip: string;
  prefixLength: number;
  selfIp: string;
  /** The other balancers' addresses: VRRP goes unicast to them (multicast is unreliable on Docker bridges). */
  peerIps: readonly string[];
  /** Default false: lb-1 takes the VIP back when it returns, as with the guide's MASTER/BACKUP pair. */
  nopreempt?: boolean;
}

/** Where the rendered file goes. */
export const KEEPALIVED_CONF_PATH = "/etc/keepalived/keepalived.conf";

/**
 * Renders keepalived.conf: one VRRP instance owning the VIP, tracking haproxy (a balancer whose
 * haproxy died goes to FAULT and gives the VIP up); pure. nopreempt needs state BACKUP, so it is
 * rendered as BACKUP with the same priority order.
 */
export function renderKeepalivedConf(i: KeepalivedConfInput): string {
  const state = i.nopreempt ? "BACKUP" : i.state;
  return [
    "# Written by haproof formation (lb).",
    "global_defs {",
    `  router_id ${i.routerId}`,
    "  enable_script_security",
    "  script_user root",
    "}",
    "",
    "vrrp_script chk_haproxy {",
    '  script "/usr/bin/killall -0 haproxy"',
    "  interval 1",
    "  fall 2",
    "  rise 2",
    "}",
    "",
    "vrrp_instance VI_DB {",
    `  state ${state}`,
    `  interface ${i.iface}`,
    `  virtual_router_id ${i.virtualRouterId}`,
    `  priority ${i.priority}`,
    `  advert_int ${i.advertIntS}`,
    ...(i.nopreempt ? ["  nopreempt"] : []),
    `  unicast_src_ip ${i.selfIp}`,
    "  unicast_peer {",
    ...i.peerIps.map((p) => `    ${p}`),
    "  }",
    "  virtual_ipaddress {",
    `    ${i.vip}/${i.prefixLength} dev ${i.iface}`,
    "  }",
    "  track_script {",
    "    chk_haproxy",
    "  }",
    "}",
    "",
  ].join("\n");
}

/** The VIP address a rendered keepalived.conf owns, or null; pure. */
export function vipFromKeepalivedConf(conf: string): string | null {
  const m = /virtual_ipaddress\s*\{\s*([0-9.]+)\//.exec(conf);
  return m ? m[1] : null;
}
