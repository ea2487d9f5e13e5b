import type { AmqpConsumer } from "../probes/index.ts";
import type { ScenarioRun } from "./scenario-run.ts";

/**
 * After heal, with the publisher stopped (`clients.stop(["amqp-publish"])`): waits until the
 * consumer has seen no delivery for `quietMs` (the queue is drained), then records
 * `amqp:drained`, which the confirmed-messages check requires before it judges.
 */
export async function recordDrained(run: ScenarioRun, consumer: AmqpConsumer, quietMs = 5000, timeoutMs = 120_000): Promise<void> {
  await run.until(`the consumer idle for ${quietMs} ms (queue drained)`, () => consumer.idleMs() >= quietMs, timeoutMs);
  run.record({ kind: "amqp-drained" }, { quietMs, at: new Date().toISOString() });
}
