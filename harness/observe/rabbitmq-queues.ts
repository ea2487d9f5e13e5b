import type { Host } from "../transport/host.ts";

/** Where a classic queue's master and mirrors live, by RabbitMQ node name. */
export interface QueueMirrors {
  name: string;
  master: string | null;
  mirrors: string[];
  synchronised: string[];
}

/** The node of an Erlang pid as rabbitmqctl prints it (`<rabbit@vm-1.1699.625.0>` -> `rabbit@vm-1`); pure. */
export function pidNode(pid: unknown): string | null {
  if (typeof pid !== "string") return null;
  const m = /^<(.+?)\.\d+\.\d+\.\d+>$/.exec(pid.trim());
  return m ? m[1] : null;
}

const pidsIn = (field: string) =>
  [...field.matchAll(/<[^<>]+>/g)]
    .map((m) => pidNode(m[0]))
    .filter((n): n is string => n !== null)
    .sort();

/**
 * Parses the tab-separated `rabbitmqctl -q list_queues --no-table-headers name pid slave_pids
 * synchronised_slave_pids` (the JSON formatter prints pids without their node); pure.
 */
export function parseQueueMirrors(out: string): QueueMirrors[] {
  return out
    .split("\n")
    .map((l) => l.split("\t"))
    .filter((f) => f.length >= 4)
    .map(([name, pid, slaves, synced]) => ({ name, master: pidsIn(pid)[0] ?? null, mirrors: pidsIn(slaves), synchronised: pidsIn(synced) }));
}

/** Master and mirrors of `queue` as `host`'s node reports them; null if it does not answer or has no such queue. */
export async function queueMirrors(host: Host, queue: string): Promise<QueueMirrors | null> {
  const r = await host.exec(["rabbitmqctl", "-q", "list_queues", "--no-table-headers", "name", "pid", "slave_pids", "synchronised_slave_pids"], {
    allowFail: true,
    timeoutMs: 30_000,
  });
  if (r.exitCode !== 0) return null;
  return parseQueueMirrors(r.stdout).find((q) => q.name === queue) ?? null;
}
