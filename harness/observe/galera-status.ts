import type { Host } from "../transport/host.ts";

/** One Galera node's view of its cluster. */
export interface GaleraStatus {
  /** wsrep_cluster_size (0 when mysqld does not answer). */
  size: number;
  /** wsrep_cluster_status: Primary, non-Primary, Disconnected, or "down" when mysqld does not answer. */
  status: string;
  /** wsrep_local_state_comment: Synced, Joining, Donor/Desynced, ... */
  state: string;
  /** wsrep_ready = ON. */
  ready: boolean;
}

/** The wsrep status query, as tab-separated name/value rows. */
export const WSREP_STATUS_SQL = "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_cluster_status','wsrep_local_state_comment','wsrep_ready')";

/** The command {@link galeraStatus} runs: {@link WSREP_STATUS_SQL} through the local socket. */
export const WSREP_STATUS_ARGV: readonly string[] = ["mariadb", "--connect-timeout=3", "-N", "-B", "-e", WSREP_STATUS_SQL];

/** What {@link galeraStatus} says of a node whose mysqld does not answer. */
export const GALERA_DOWN: Readonly<GaleraStatus> = { size: 0, status: "down", state: "down", ready: false };

/** Parses `mariadb -N -B` output of {@link WSREP_STATUS_SQL}; pure. */
export function parseWsrepStatus(out: string): GaleraStatus {
  const v = new Map<string, string>();
  for (const line of out.split("\n")) {
    const [k, val] = line.split("\t");
    if (k && val !== undefined) v.set(k.trim().toLowerCase(), val.trim());
  }
  return {
    size: Number(v.get("wsrep_cluster_size") ?? 0) || 0,
    status: v.get("wsrep_cluster_status") ?? "unknown",
    state: v.get("wsrep_local_state_comment") ?? "unknown",
    ready: v.get("wsrep_ready") === "ON",
  };
}

/** The Galera status of `host` via the local socket; never throws for a down mysqld (status "down"). */
export async function galeraStatus(host: Host): Promise<GaleraStatus> {
  const r = await host.exec([...WSREP_STATUS_ARGV], { allowFail: true, timeoutMs: 10_000 });
  if (r.exitCode !== 0) return { ...GALERA_DOWN };
  return parseWsrepStatus(r.stdout);
}
