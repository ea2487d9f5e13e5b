import type { Topology } from "../../topologies/schema.ts";
import type { Site } from "../site/index.ts";
import { galeraStatus, type GaleraStatus } from "../observe/galera-status.ts";
import { glusterStatus, type GlusterStatus } from "../observe/gluster-status.ts";
import { keystoneEndpoints } from "../observe/keystone-endpoints.ts";
import { lbStatus, type LbStatus } from "../observe/lb-status.ts";
import { pacemakerStatus, type PacemakerStatus } from "../observe/pacemaker-status.ts";
import { rabbitStatus, type RabbitStatus } from "../observe/rabbitmq-status.ts";
import { vipHolders } from "../observe/vip-holders.ts";
import { firstAnswer } from "./first-answer.ts";
import { apiCheck, type ApiCheck } from "./api-check.ts";

/** Everything `haproof status` shows, as one read-only snapshot of the running topology. */
export interface Health {
  hosts: { name: string; role: string; ip: string; state: string }[];
  vips: Record<string, { address: string; holders: string[]; allowed: string[] }>;
  galera: Record<string, GaleraStatus>;
  lb: Record<string, LbStatus>;
  rabbit: Record<string, RabbitStatus>;
  gluster: GlusterStatus | null;
  pacemaker: PacemakerStatus | null;
  api: ApiCheck;
}

/** Collects a PRISMA {@link Health} snapshot: every host and service, asked directly. Never throws for a down service. */
export async function collectPrismaHealth(running: Site<Topology>): Promise<Health> {
  const by = (role: string) => running.hostsOf(role);
  const candidates = [...by("lb"), ...by("controller")];
  const [hosts, vips, galera, lb, rabbit, gluster, pacemaker, api] = await Promise.all([
    Promise.all(running.hosts.map(async (h) => ({ name: h.name, role: h.role, ip: h.ip, state: await running.power.state(h.name) }))),
    Promise.all(running.topology.vips.map(async (v) => [v.name, { address: running.vipAddress(v.name), allowed: v.allowed, holders: await vipHolders(running, v.name, candidates) }] as const)),
    Promise.all(by("datahost").map(async (h) => [h.name, await galeraStatus(h)] as const)),
    Promise.all(by("lb").map(async (h) => [h.name, await lbStatus(h, running.vipAddress("db"))] as const)),
    Promise.all(by("datahost").map(async (h) => [h.name, await rabbitStatus(h)] as const)),
    firstAnswer(by("gluster").map((h) => () => glusterStatus(h, running.topology.gluster.volume))),
    firstAnswer(by("controller").map((h) => () => pacemakerStatus(h))),
    by("controller").length ? apiCheck(keystoneEndpoints(running)) : Promise.resolve({ token: false, validated: false, images: null, error: "no controllers" }),
  ]);
  return {
    hosts,
    vips: Object.fromEntries(vips),
    galera: Object.fromEntries(galera),
    lb: Object.fromEntries(lb),
    rabbit: Object.fromEntries(rabbit),
    gluster,
    pacemaker,
    api,
  };
}
