import type { Topology } from "../../topologies/schema.ts";
import { mutated } from "../../topologies/mutations.ts";
import { HAPROXY_ADMIN_SOCKET, HAPROXY_DB_PROXY } from "../observe/lb-status.ts";

/** One Galera backend as HAProxy sees it. */
export interface HaproxyBackend {
  name: string;
  ip: string;
}

/** Inputs of {@link renderHaproxyCfg}. */
export interface HaproxyCfgInput {
  backends: readonly HaproxyBackend[];
  /** single-writer: `writer` normal, the others `backup` (the guide); multi-writer: roundrobin over all. */
  mode: "single-writer" | "multi-writer";
  writer: string;
  checkInterMs: number;
  fall: number;
  rise: number;
  /** Check only that MySQL's port accepts a connection, not the 9200 Synced check (`lb-no-healthcheck` mutation). */
  portCheckOnly?: boolean;
}

/**
 * The renderer's input for `topology`'s DB listener over `backends` in `mode`: its writer and check
 * timings, and a port-only check under the `lb-no-healthcheck` mutation. Pure.
 */
export function haproxyInput(topology: Topology, backends: readonly HaproxyBackend[], mode: HaproxyCfgInput["mode"]): HaproxyCfgInput {
  const { galera, tunables } = topology;
  return {
    backends: backends.map((b) => ({ name: b.name, ip: b.ip })),
    mode,
    writer: galera.writer,
    checkInterMs: tunables.haproxyCheckInterMs,
    fall: tunables.haproxyCheckFall,
    rise: tunables.haproxyCheckRise,
    portCheckOnly: mutated(topology, "lb-no-healthcheck"),
  };
}

/**
 * Renders haproxy.cfg for the DB VIP listener; pure. It binds 0.0.0.0:3306 (not the VIP:
 * ip_nonlocal_bind cannot be set in an unprivileged container), checks each node's clustercheck
 * on :9200, and cuts sessions of a node marked down. In single-writer mode, a returning writer
 * also cuts the backup's sessions, so two nodes never take writes at once for long.
 */
export function renderHaproxyCfg(i: HaproxyCfgInput): string {
  if (i.mode === "single-writer" && !i.backends.some((b) => b.name === i.writer)) throw new Error(`haproxy: writer ${i.writer} is not among the backends`);
  const single = i.mode === "single-writer";
  const dflt = [`inter ${i.checkInterMs}`, `fall ${i.fall}`, `rise ${i.rise}`, "on-marked-down shutdown-sessions"];
  if (single) dflt.push("on-marked-up shutdown-backup-sessions");
  const servers = i.backends.map((b) => `  server ${b.name} ${b.ip}:3306 check${i.portCheckOnly ? "" : " port 9200"}${single && b.name !== i.writer ? " backup" : ""}`);
  return [
    "# Written by haproof formation (lb).",
    "global",
    `  stats socket ${HAPROXY_ADMIN_SOCKET} mode 660 level admin`,
    "  maxconn 4096",
    // A graceful reload (-sf) otherwise waits for pooled client connections for up to "timeout client".
    "  hard-stop-after 10s",
    "",
    "defaults",
    "  mode tcp",
    "  timeout connect 5s",
    "  timeout client 1h",
    "  timeout server 1h",
    "  timeout check 3s",
    "",
    `listen ${HAPROXY_DB_PROXY}`,
    "  bind 0.0.0.0:3306",
    "  mode tcp",
    "  option tcpka",
    ...(i.portCheckOnly ? [] : ["  option httpchk"]),
    `  balance ${single ? "first" : "roundrobin"}`,
    `  default-server ${dflt.join(" ")}`,
    ...servers,
    "",
  ].join("\n");
}
