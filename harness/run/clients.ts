import { randomBytes } from "node:crypto";
import type { Site } from "../site/index.ts";
import { queueArguments } from "../formation/index.ts";
import { keystoneEndpoints } from "../observe/index.ts";
import type { History } from "../history/index.ts";
import type { AnyTopology } from "../../topologies/index.ts";
import {
  AmqpConsumer,
  amqpPublisher,
  createSeqTable,
  glanceProbe,
  issueToken,
  keystoneProbe,
  mysqlWriter,
  placementSampler,
  sha256,
  uploadImage,
  vipSampler,
  wsrepSampler,
  type Probe,
} from "../probes/index.ts";

/** Which clients and samplers a scenario runs; each defaults to off. */
export interface ClientSpec {
  /** Inserts sequence numbers through the DB VIP into this table. */
  mysql?: { table: string };
  /** Publishes with confirms and consumes through the RabbitMQ host list on this queue. */
  amqp?: { queue: string };
  keystone?: boolean;
  /** Uploads a 64 KiB image first, then downloads it continuously. */
  glance?: boolean;
  vips?: boolean;
  wsrep?: boolean;
  placement?: boolean;
  rateHz?: number;
  /**
   * Open loop: an op every period whatever the earlier ones do (the calibration's clients). Default off: one op in
   * flight per client, the closed loop. Open, Keystone's 2 uwsgi workers queued more than they could serve after a
   * 22 s Galera pause in the chaos run and never drained (CI, 2026-12-02): bounded lanes are still to come.
   */
  openLoop?: boolean;
}

/** Running clients: their probes by name, plus the consumer (for draining). */
export interface Clients {
  probes: Probe[];
  consumer?: AmqpConsumer;
  /** The uploaded image id and checksum, when glance is on. */
  image?: { id: string; sha256: string };
  /** Stops the named probes (all when omitted), waiting for ops in flight; idempotent. */
  stop(only?: string[]): Promise<void>;
}

/** Where a topology's clients connect: the DB address, the API bases, and the broker list with its queue arguments. */
export interface ClientRoutes {
  dbHost: string;
  keystoneBase: string;
  image: string;
  brokers: { name: string; ip: string }[];
  queueArguments: Record<string, string>;
}

/** Prepares (tables, queues, a known image) and starts the clients of `spec`; they record into `history`. */
export async function startClients(running: Site, history: History, spec: ClientSpec): Promise<Clients> {
  const ep = keystoneEndpoints(running);
  const brokers = running.hostsOf("datahost").map((h) => ({ name: h.name, ip: h.ip }));
  return startClientsVia(running, history, spec, { ...ep, brokers, queueArguments: queueArguments(running.topology) });
}

/**
 * Prepares and starts the clients of `spec` against `routes`: the one client set every topology
 * kind uses, each kind supplying where its services answer. Records into `history`.
 */
export async function startClientsVia(running: Site<AnyTopology>, history: History, spec: ClientSpec, routes: ClientRoutes): Promise<Clients> {
  const probes: Probe[] = [];
  const rateHz = spec.rateHz;
  const maxInFlight = spec.openLoop ? undefined : 1;
  const out: Clients = {
    probes,
    stop: async (only) => void (await Promise.all(probes.filter((p) => !only || only.includes(p.name)).map((p) => p.stop()))),
  };
  if (spec.mysql) {
    await createSeqTable(routes.dbHost, spec.mysql.table);
    probes.push(mysqlWriter({ history, address: routes.dbHost, table: spec.mysql.table, rateHz, maxInFlight }));
  }
  if (spec.amqp) {
    const o = { history, hosts: routes.brokers, queue: spec.amqp.queue, queueArguments: routes.queueArguments, rateHz, maxInFlight };
    out.consumer = new AmqpConsumer(o);
    probes.push(amqpPublisher(o), out.consumer);
  }
  if (spec.keystone) probes.push(keystoneProbe({ history, base: routes.keystoneBase, rateHz, maxInFlight }));
  if (spec.glance) {
    // 64 KiB: every download still crosses glance-api and the Gluster-backed store, at a sixteenth of 1 MiB's cost to
    // glance-api and to the harness's hashing, 10 times a second (measured with `npm run bench`'s observation cost).
    const data = randomBytes(64 << 10);
    const token = await issueToken(routes.keystoneBase);
    const id = await uploadImage(routes.image, token, `haproof-probe-${Date.now()}`, data);
    out.image = { id, sha256: sha256(data) };
    history.sample({ kind: "glance-expected" }, { [id]: out.image.sha256 });
    probes.push(glanceProbe({ history, glanceBase: routes.image, keystoneBase: routes.keystoneBase, image: id, rateHz, maxInFlight }));
  }
  if (spec.vips) probes.push(vipSampler(running, history));
  if (spec.wsrep) probes.push(wsrepSampler(running as Site, history));
  if (spec.placement) probes.push(placementSampler(running, history));
  for (const p of probes) p.start();
  return out;
}
