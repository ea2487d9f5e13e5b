import type { RunningTopology } from "../../harness/engine/index.ts";
import { rabbitStatus } from "../../harness/formation/index.ts";
import type { History } from "../../harness/history/index.ts";
import { Sampler } from "../../harness/probes/index.ts";
import { queueMirrors } from "./mq-queue.ts";

/**
 * Samples `rabbit:<host>` = {running, partitions} as each data host's own RabbitMQ node reports
 * it ({running: [], down: true} when the node or its container does not answer), and, when
 * `queue` is given, `rabbit-queue:<queue>` = its master and mirrors as the first answering node sees them.
 */
export function rabbitSampler(running: RunningTopology, history: History, queue?: string, periodMs = 1000): Sampler {
  const hosts = running.hostsOf("datahost");
  return new Sampler({
    history,
    name: "rabbit",
    periodMs,
    read: async () => {
      const views = await Promise.all(
        hosts.map(async (h) => {
          const s = await rabbitStatus(h).catch(() => ({ running: [], partitions: [] }));
          return [`rabbit:${h.name}`, s.running.length ? s : { ...s, down: true }] as const;
        }),
      );
      const out: Record<string, unknown> = Object.fromEntries(views);
      if (queue)
        for (const h of hosts) {
          const q = await queueMirrors(h, queue).catch(() => null);
          if (q) {
            out[`rabbit-queue:${queue}`] = { ...q, observer: h.name };
            break;
          }
        }
      return out;
    },
  });
}
