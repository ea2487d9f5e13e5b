import type { ChainService, ClusterwareTopology } from "../../../topologies/clusterware-schema.ts";
import { serviceVips } from "../../observe/clusterware-endpoints.ts";
import { renderGroup, xmlAttr, type LocationXml, type PrimitiveSpec } from "../pacemaker-cib.ts";

/** What the derivation needs besides the topology: VIP addresses and the network's shape. */
export interface CibAddressing {
  vipAddress(name: string): string;
  prefixLength: number;
  iface: string;
}

/** One resource group of the clusterware CIB: a service chain (VIP -> data -> service) or the network agents. */
export interface CwGroup {
  id: string;
  pool: string;
  /** Member ids in start order (stop is the reverse). */
  members: string[];
  xml: string;
}

/** The whole Pacemaker configuration of a clusterware topology. */
export interface ClusterwareCib {
  properties: Record<string, string>;
  rscDefaults: Record<string, string>;
  groups: CwGroup[];
  constraints: LocationXml[];
  /** Service -> the VIP it answers on (differs from the topology's under `shared-vip`). */
  serviceVip: Record<string, string>;
}

const STAND_IN = "Stand-in: ocf:heartbeat:Dummy in place of the real Neutron agent";

/** Group id of a service chain: "mysql" -> "g_mysql". Pure. */
export const chainGroupId = (service: string): string => `g_${service}`;
/** Resource id of a chain's data mount: "mysql" -> "mysql_data". Pure. */
export const dataResourceId = (service: string): string => `${service}_data`;
/** Group id of the network agent stand-ins. */
export const NETWORK_GROUP = "g_network";

/** The GlusterFS device of a service's data: `<first server>:/<volume>/<service>`. Pure. */
export function dataDevice(t: ClusterwareTopology, service: string): { device: string; options: string } {
  const servers = t.hosts.filter((h) => h.role === "gluster").map((h) => h.name);
  const [first, ...backups] = servers;
  if (!first) throw new Error(`topology ${t.name} has no gluster host for shared storage`);
  return { device: `${first}:/${t.gluster.volume}/${service}`, options: backups.length ? `backup-volfile-servers=${backups.join(":")}` : "" };
}

/**
 * Derives the Pacemaker configuration that reproduces the paper's Clusterware semantics. Pure.
 * - server pools -> location constraints: pool nodes 100, 50, ... (first preferred); every other
 *   cluster node -INFINITY (a pool's resource never runs outside it);
 * - each chain -> one group [VIP, data mount, service]: a group starts in order, stops in reverse,
 *   and colocates its members (the paper's hard start/stop dependencies);
 * - CHECK_INTERVAL -> every monitor's interval; RESTART_ATTEMPTS -> migration-threshold =
 *   RESTART_ATTEMPTS + 1 (Pacemaker bans the node when the fail count reaches the threshold, so
 *   RESTART_ATTEMPTS failures restart in place and the next one relocates the whole group);
 * - start-failure-is-fatal=false so a failed restart counts as one attempt, as in Clusterware.
 * Mutations: `shared-vip` puts RabbitMQ behind MySQL's VIP in MySQL's group; `no-restart-limit`
 * drops migration-threshold (Pacemaker's default: restart in place forever).
 */
export function clusterwareCib(t: ClusterwareTopology, a: CibAddressing): ClusterwareCib {
  const tu = t.tunables;
  const monitor = { intervalS: tu.checkIntervalS, timeoutS: tu.monitorTimeoutS };
  const sharedVip = t.mutations.includes("shared-vip");
  const vipPrimitive = (vip: string): PrimitiveSpec => ({
    id: vip,
    provider: "heartbeat",
    type: "IPaddr2",
    params: { ip: a.vipAddress(vip), cidr_netmask: String(a.prefixLength), nic: a.iface },
    monitor,
    startTimeoutS: 20,
    stopTimeoutS: 20,
  });
  const dataPrimitive = (service: string, directory: string): PrimitiveSpec => {
    const { device, options } = dataDevice(t, service);
    return {
      id: dataResourceId(service),
      provider: "heartbeat",
      type: "Filesystem",
      params: { device, directory, fstype: "glusterfs", ...(options ? { options } : {}) },
      monitor,
      startTimeoutS: 60,
      stopTimeoutS: 60,
    };
  };
  const servicePrimitive = (service: ChainService, dataMount?: string): PrimitiveSpec => ({
    id: service,
    provider: "haproof",
    type: "action",
    params: { service, ...(dataMount ? { data_dir: dataMount } : {}) },
    monitor,
    startTimeoutS: tu.startTimeoutS,
    stopTimeoutS: 60,
  });

  const groups: { id: string; pool: string; members: PrimitiveSpec[] }[] = [];
  for (const c of t.chains) {
    const members = [...(c.dataMount ? [dataPrimitive(c.service, c.dataMount)] : []), servicePrimitive(c.service, c.dataMount)];
    const host = sharedVip && c.service === "rabbitmq" ? groups.find((g) => g.id === chainGroupId("mysql")) : undefined;
    if (host) host.members.push(...members);
    else groups.push({ id: chainGroupId(c.service), pool: c.pool, members: [vipPrimitive(c.vip), ...members] });
  }
  const agents = t.networkAgents.agents.map(
    (id): PrimitiveSpec => ({
      id,
      provider: "heartbeat",
      type: "Dummy",
      params: {},
      meta: { description: STAND_IN },
      description: STAND_IN,
      monitor,
      startTimeoutS: 20,
      stopTimeoutS: 20,
    }),
  );
  groups.push({ id: NETWORK_GROUP, pool: t.networkAgents.pool, members: agents });

  const nodes = t.hosts.filter((h) => h.role === "cwnode").map((h) => h.name);
  const poolNodes = (name: string) => t.pools.find((p) => p.name === name)?.nodes ?? [];
  const constraints = groups.flatMap((g) => {
    const inPool = poolNodes(g.pool);
    const loc = (node: string, score: string): LocationXml => {
      const id = `loc-${g.id}-${node}`;
      return { id, xml: `<rsc_location id="${xmlAttr(id)}" rsc="${xmlAttr(g.id)}" node="${xmlAttr(node)}" score="${score}"/>` };
    };
    return [...inPool.map((n, i) => loc(n, String(Math.max(1, 100 - 50 * i)))), ...nodes.filter((n) => !inPool.includes(n)).map((n) => loc(n, "-INFINITY"))];
  });

  return {
    properties: {
      "stonith-enabled": "false",
      "no-quorum-policy": "stop",
      "start-failure-is-fatal": "false",
      "cluster-recheck-interval": "30s",
    },
    rscDefaults: {
      ...(t.mutations.includes("no-restart-limit") ? {} : { "migration-threshold": String(tu.restartAttempts + 1) }),
      "failure-timeout": `${tu.failureTimeoutS}s`,
      // No failback: a recovered node must not pull a chain back (a second outage).
      "resource-stickiness": "100",
    },
    groups: groups.map((g) => ({ id: g.id, pool: g.pool, members: g.members.map((m) => m.id), xml: renderGroup(g.id, g.members) })),
    constraints,
    serviceVip: serviceVips(t),
  };
}
