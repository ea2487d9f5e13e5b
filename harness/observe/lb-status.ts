import type { Host } from "../transport/host.ts";
import { addrListHas } from "./vip-holders.ts";

/** The admin socket status queries use (`show stat`); formation's haproxy.cfg binds it. */
export const HAPROXY_ADMIN_SOCKET = "/run/haproxy/admin.sock";
/** The HAProxy proxy (listen section) name of the DB listener. */
export const HAPROXY_DB_PROXY = "galera";

/** One server row of HAProxy's `show stat`. */
export interface HaproxyServerStat {
  proxy: string;
  name: string;
  /** UP, DOWN, "UP 1/2" (going down), "DOWN 1/2" (going up), MAINT, ... */
  status: string;
  backup: boolean;
}

/** One load balancer's state. */
export interface LbStatus {
  holdsVip: boolean;
  haproxyUp: boolean;
  /** The server HAProxy sends new DB connections to; null if none is up or haproxy is down. */
  activeBackend: string | null;
}

/** Parses the CSV of `show stat` into server rows (FRONTEND/BACKEND rows dropped); pure. */
export function parseShowStat(csv: string): HaproxyServerStat[] {
  const lines = csv.split("\n").filter((l) => l.trim() !== "");
  const header = lines.find((l) => l.startsWith("# "));
  if (!header) return [];
  const cols = header.slice(2).split(",");
  const at = (name: string) => cols.indexOf(name);
  const rows: HaproxyServerStat[] = [];
  for (const l of lines) {
    if (l.startsWith("#")) continue;
    const f = l.split(",");
    const name = f[at("svname")];
    if (name === "FRONTEND" || name === "BACKEND") continue;
    rows.push({ proxy: f[at("pxname")], name, status: f[at("status")], backup: f[at("bck")] === "1" });
  }
  return rows;
}

/**
 * The server new connections go to: the first UP non-backup server, else the first UP backup
 * (HAProxy uses one backup unless allbackups); pure. In multi-writer mode it is the first of several.
 */
export function activeBackend(rows: readonly HaproxyServerStat[], proxy = HAPROXY_DB_PROXY): string | null {
  const up = rows.filter((r) => r.proxy === proxy && r.status.startsWith("UP"));
  return (up.find((r) => !r.backup) ?? up[0])?.name ?? null;
}

/**
 * The state of load balancer `host`: whether it holds the VIP at `vip` (the DB VIP's address), whether
 * haproxy runs, and its active backend. Never throws for a down daemon. Read-only.
 */
export async function lbStatus(host: Host, vip: string): Promise<LbStatus> {
  const addr = await host.exec(["ip", "-o", "addr", "show"], { allowFail: true, timeoutMs: 10_000 });
  const holdsVip = addr.exitCode === 0 && addrListHas(addr.stdout, vip);
  const pid = await host.exec(["pidof", "haproxy"], { allowFail: true, timeoutMs: 10_000 });
  if (pid.exitCode !== 0) return { holdsVip, haproxyUp: false, activeBackend: null };
  const stat = await host.exec(["bash", "-c", `echo "show stat" | socat stdio ${HAPROXY_ADMIN_SOCKET}`], { allowFail: true, timeoutMs: 10_000 });
  return { holdsVip, haproxyUp: stat.exitCode === 0, activeBackend: stat.exitCode === 0 ? activeBackend(parseShowStat(stat.stdout)) : null };
}
