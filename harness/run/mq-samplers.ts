import { queueMirrors, rabbitAppRunning, rabbitStatus } from "../observe/index.ts";
import type { Site } from "../site/index.ts";
import type { History, Subject } from "../history/index.ts";
import { Sampler } from "../probes/index.ts";

/**
 * Samples `rabbit:<host>` = {running, partitions} as each data host's own RabbitMQ node reports
 * it, and, when `queue` is given, `rabbit-queue:<queue>` = its master and mirrors as the first
 * answering node sees them. `down: true` marks a sample with no cluster view (cluster_status
 * failed or listed no node); when the view does not list the node itself, `appRunning` records
 * the node's own answer whether its rabbit app runs (absent when it gave none): `appRunning:
 * false` is how a pause_minority pause shows, and "no answer" is never one.
 */
export function rabbitSampler(running: Site, history: History, queue?: string, periodMs = 1000): Sampler {
  const hosts = running.hostsOf("datahost");
  return new Sampler({
    history,
    name: "rabbit",
    periodMs,
    read: async () => {
      const views = await Promise.all(
        hosts.map(async (h) => {
          const s: { running: string[]; partitions: string[] } = await rabbitStatus(h).catch(() => ({ running: [], partitions: [] }));
          const subject: Subject = { kind: "rabbit", host: h.name };
          if (s.running.includes(`rabbit@${h.name}`)) return [subject, s] as const;
          const app = await rabbitAppRunning(h);
          return [subject, { ...s, ...(s.running.length ? {} : { down: true }), ...(app === undefined ? {} : { appRunning: app }) }] as const;
        }),
      );
      const out: (readonly [Subject, unknown])[] = [...views];
      if (queue)
        for (const h of hosts) {
          const q = await queueMirrors(h, queue).catch(() => null);
          if (q) {
            out.push([
              { kind: "rabbit-queue", queue },
              { ...q, observer: h.name },
            ]);
            break;
          }
        }
      return out;
    },
  });
}
