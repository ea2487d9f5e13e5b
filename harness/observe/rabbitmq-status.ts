import type { Host } from "../transport/host.ts";

/** One RabbitMQ node's view of its cluster. */
export interface RabbitStatus {
  /** Running nodes, e.g. ["rabbit@vm-1", ...], sorted; empty when the node does not answer. */
  running: string[];
  /** Every node named in a partition report (reporters and the nodes they lost), sorted; empty when healthy. */
  partitions: string[];
}

/** Parses `rabbitmqctl cluster_status --formatter json` output (tolerates banner lines around it); pure. */
export function parseClusterStatus(out: string): RabbitStatus {
  const start = out.indexOf("{");
  const end = out.lastIndexOf("}");
  if (start < 0 || end < start) throw new Error(`no JSON in cluster_status output: ${out.slice(0, 200)}`);
  const j = JSON.parse(out.slice(start, end + 1)) as { running_nodes?: string[]; partitions?: unknown };
  const parts = new Set<string>();
  const p = j.partitions;
  if (Array.isArray(p)) {
    for (const e of p) {
      if (typeof e === "string") parts.add(e);
      else if (Array.isArray(e)) e.flat().forEach((n) => typeof n === "string" && parts.add(n));
    }
  } else if (p && typeof p === "object") {
    for (const [node, lost] of Object.entries(p as Record<string, unknown>)) {
      parts.add(node);
      if (Array.isArray(lost)) lost.forEach((n) => typeof n === "string" && parts.add(n));
    }
  }
  return { running: [...(j.running_nodes ?? [])].sort(), partitions: [...parts].sort() };
}

/** The cluster status as `host`'s RabbitMQ node sees it; {running: []} when the node does not answer. */
export async function rabbitStatus(host: Host): Promise<RabbitStatus> {
  const r = await host.exec(["rabbitmqctl", "-q", "cluster_status", "--formatter", "json"], { allowFail: true, timeoutMs: 30_000 });
  if (r.exitCode !== 0) return { running: [], partitions: [] };
  return parseClusterStatus(r.stdout);
}
