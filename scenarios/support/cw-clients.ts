import { randomBytes } from "node:crypto";
import type { RunningTopology } from "../../harness/engine/index.ts";
import { clusterwareEndpoints } from "../../harness/formation/clusterware/index.ts";
import type { History } from "../../harness/history/index.ts";
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
  type Probe,
} from "../../harness/probes/index.ts";
import type { ClusterwareTopology } from "../../topologies/index.ts";
import type { ClientSpec, Clients } from "./clients.ts";

/**
 * {@link startClients} for the clusterware kind: every client goes through its service's own VIP
 * (MySQL via mysqlVIP, RabbitMQ via rabbitmqVIP, ...), as the paper's clients do. Prepares the
 * table, a known image, then starts the probes recording into `history`.
 */
export async function startClusterwareClients(running: RunningTopology<ClusterwareTopology>, history: History, spec: ClientSpec): Promise<Clients> {
  const probes: Probe[] = [];
  const rateHz = spec.rateHz;
  const ep = clusterwareEndpoints(running.formationContext(() => undefined));
  const out: Clients = {
    probes,
    stop: async (only) => void (await Promise.all(probes.filter((p) => !only || only.includes(p.name)).map((p) => p.stop()))),
  };
  if (spec.mysql) {
    await createSeqTable(ep.dbHost, spec.mysql.table);
    probes.push(mysqlWriter({ history, address: ep.dbHost, table: spec.mysql.table, rateHz }));
  }
  if (spec.amqp) {
    // One broker behind its VIP: the "host list" is the VIP alone, named after it.
    const o = { history, hosts: [{ name: ep.serviceVip.rabbitmq!, ip: ep.amqpHost }], queue: spec.amqp.queue, queueArguments: {}, rateHz };
    out.consumer = new AmqpConsumer(o);
    probes.push(amqpPublisher(o), out.consumer);
  }
  if (spec.keystone) probes.push(keystoneProbe({ history, base: ep.keystoneBase, rateHz }));
  if (spec.glance) {
    const data = randomBytes(1 << 20);
    const token = await issueToken(ep.keystoneBase);
    const id = await uploadImage(ep.image, token, `haproof-probe-${Date.now()}`, data);
    out.image = { id, sha256: sha256(data) };
    history.sample("glance:expected", { [id]: out.image.sha256 });
    probes.push(glanceProbe({ history, glanceBase: ep.image, keystoneBase: ep.keystoneBase, image: id, rateHz }));
  }
  if (spec.vips) probes.push(vipSampler(running, history));
  if (spec.placement) probes.push(placementSampler(running, history));
  for (const p of probes) p.start();
  return out;
}
