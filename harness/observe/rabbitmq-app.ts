import type { Host } from "../transport/host.ts";

/**
 * The node's own answer to `rabbitmqctl -q eval 'rabbit:is_running().'`: true or false when it
 * printed exactly that, undefined for anything else (an error, a banner, nothing). Pure.
 */
export function parseIsRunning(stdout: string): boolean | undefined {
  const s = stdout.trim();
  return s === "true" ? true : s === "false" ? false : undefined;
}

/** Whether `host`'s RabbitMQ app runs, as its own Erlang node says; undefined when it does not answer. Read-only. */
export async function rabbitAppRunning(host: Host): Promise<boolean | undefined> {
  // Local to the node (no RPC to peers), so it answers on a paused minority node whose
  // cluster_status waits on unreachable peers.
  const r = await host.exec(["rabbitmqctl", "-q", "eval", "rabbit:is_running()."], { allowFail: true, timeoutMs: 15_000 }).catch(() => undefined);
  return r && r.exitCode === 0 ? parseIsRunning(r.stdout) : undefined;
}
