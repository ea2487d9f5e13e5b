import type { Site } from "../site/index.ts";
import { queueArguments } from "../formation/index.ts";
import { completedOps } from "../history/index.ts";
import { AmqpConsumer, amqpPublisher, type Probe } from "../probes/index.ts";
import type { ScenarioRun } from "./scenario-run.ts";

/** A publisher (confirms) and a consumer on one queue, walking the broker list in a chosen order. */
export interface MqClients {
  publisher: Probe;
  consumer: AmqpConsumer;
  /** Stops the named probes ("amqp-publish", "amqp-consume"; all when omitted), waiting for ops in flight; idempotent. */
  stop(only?: string[]): Promise<void>;
}

/** The data hosts rotated so that `first` leads the broker list (the others keep their order); pure. */
export function brokerOrder<T extends { name: string }>(hosts: readonly T[], first: string): T[] {
  const i = hosts.findIndex((h) => h.name === first);
  if (i < 0) throw new RangeError(`${first} is not a broker`);
  return [...hosts.slice(i), ...hosts.slice(0, i)];
}

/**
 * Starts `amqp-publish` and `amqp-consume` on `queue` with the broker list starting at `first`
 * (as a service configured with that host first would connect), and waits for `baselineOk`
 * confirmed publishes and deliveries. Records into the run's history; the caller stops them.
 */
export async function startMqClients(run: ScenarioRun, running: Site, queue: string, first: string, baselineOk = 10): Promise<MqClients> {
  const hosts = brokerOrder(
    running.hostsOf("datahost").map((h) => ({ name: h.name, ip: h.ip })),
    first,
  );
  const o = { history: run.history, hosts, queue, queueArguments: queueArguments(running.topology) };
  // Closed loop, as every scenario client for now (clients.ts says why).
  const publisher = amqpPublisher({ ...o, maxInFlight: 1 });
  const consumer = new AmqpConsumer(o);
  const all: Probe[] = [publisher, consumer];
  run.record(
    { kind: "amqp-broker-order" },
    hosts.map((h) => h.name),
  );
  for (const p of all) p.start();
  const okOf = (process: string) => completedOps(run.history.events(), { process }).filter((op) => op.type === "ok").length;
  await run.until(`${baselineOk} confirmed publishes and deliveries through ${first}`, () => okOf("amqp-publish") >= baselineOk && okOf("amqp-consume") >= baselineOk, 60_000);
  return { publisher, consumer, stop: async (only) => void (await Promise.all(all.filter((p) => !only || only.includes(p.name)).map((p) => p.stop()))) };
}
