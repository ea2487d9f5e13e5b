import type { PcmkOp } from "../checks/index.ts";
import type { Site } from "../site/index.ts";
import { clusterwareCib, cwNodes } from "../formation/clusterware/index.ts";
import { clusterwareEndpoints, pacemakerStatus, type PacemakerStatus } from "../observe/index.ts";
import { readSeqs } from "../probes/index.ts";
import { waitFor } from "../wait/wait-for.ts";
import type { ClusterwareTopology } from "../../topologies/index.ts";
import type { ScenarioRun } from "./scenario-run.ts";

type Cw = Site<ClusterwareTopology>;

const RESULT = /^(\w{3} +\d+ [\d:.]+) \S+ .*Result of (start|stop) operation for (\S+) on \S+: (.*?)(?: \||$)/;
const BOOT = /^(\w{3} +\d+ [\d:.]+) \S+ pacemakerd.*Starting Pacemaker/;

/** Parses a node's pacemaker.log into its start/stop results and boots, in log order. Pure. */
export function parsePcmkLog(text: string, year: number): PcmkOp[] {
  const wall = (s: string) => Date.parse(`${s.replace(/ +/, " ")} ${year} UTC`.replace(/^(\w{3} \d+) ([\d:.]+) (\d{4}) UTC$/, "$1 $3 $2 UTC"));
  const ops: PcmkOp[] = [];
  for (const line of text.split("\n")) {
    const r = RESULT.exec(line);
    if (r) ops.push({ op: r[2] as "start" | "stop", resource: r[3]!, ok: r[4] === "ok", wallMs: wall(r[1]!) });
    else {
      const b = BOOT.exec(line);
      if (b) ops.push({ op: "boot", resource: "", ok: true, wallMs: wall(b[1]!) });
    }
  }
  return ops;
}

/** A node's log that could not be read: not an operation list, so chainOrder reads it as unknown. */
export interface PcmkLogUnread {
  unread: true;
  exitCode?: number;
  stderr?: string;
  error?: string;
}

/**
 * The `pcmk-ops:<node>` sample value for one grep of a node's pacemaker.log: the parsed operations
 * (exit 0: lines matched; 1: none matched, a readable log with no operation), or an unread marker
 * when grep failed (exit >= 2: no such file, I/O error) or could not run at all (`r` an Error). Pure.
 */
export function pcmkOpsSample(r: { exitCode: number; stdout: string; stderr: string } | Error, year: number): PcmkOp[] | PcmkLogUnread {
  if (r instanceof Error) return { unread: true, error: r.message };
  if (r.exitCode >= 2) return { unread: true, exitCode: r.exitCode, stderr: r.stderr.trim().slice(0, 500) };
  return parsePcmkLog(r.stdout, year);
}

/** Records each cluster node's Pacemaker start/stop results as `pcmk-ops:<node>` (for chainOrder); an unreadable log as `{ unread: true, ... }`. */
export async function recordPcmkOps(run: ScenarioRun, running: Cw): Promise<void> {
  await run.step("record every node's Pacemaker start/stop results", async () => {
    for (const h of cwNodes(running)) {
      const r = await h
        .exec(["grep", "-E", "Result of (start|stop) operation|Starting Pacemaker", "/var/log/pacemaker/pacemaker.log"], { allowFail: true, timeoutMs: 15_000 })
        .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      run.record({ kind: "pcmk-ops", host: h.name }, pcmkOpsSample(r, new Date().getUTCFullYear()));
    }
  });
}

/** The cluster as the first answering node sees it (`skip` excluded, e.g. a killed node). */
export async function cwStatus(running: Cw, skip: string[] = []): Promise<PacemakerStatus> {
  for (const h of running.hostsOf("cwnode").filter((x) => !skip.includes(x.name))) {
    try {
      return await pacemakerStatus(h);
    } catch {
      // next node
    }
  }
  throw new Error("no cluster node answers crm_mon");
}

/** The one node `resource` runs on, recovered (crm_mon keeps a failed resource "Started" until its restart), or null. Pure. */
export function healthyOn(s: PacemakerStatus, resource: string): string | null {
  const on = s.runningOn[resource] ?? [];
  return on.length === 1 && !s.failed.includes(resource) ? on[0]! : null;
}

/**
 * Makes `node` the active node of pool `pool`: every chain of the pool that runs elsewhere (left
 * there by an earlier scenario's relocation) is moved to it (crm_resource --move, then --clear;
 * stickiness keeps it there), as a recorded step. Returns the chains it moved.
 */
export async function consolidate(run: ScenarioRun, running: Cw, pool: string, node: string): Promise<string[]> {
  const ctl = running.hostsOf("cwnode")[0]!;
  const groups = clusterwareCib(running.topology, running).groups.filter((g) => g.pool === pool);
  const s = await cwStatus(running);
  const away = groups.filter((g) => g.members.some((m) => healthyOn(s, m) !== node));
  if (!away.length) return [];
  return run.step(`move ${away.map((g) => g.id).join(", ")} to ${node}, the pool's one active node`, async () => {
    for (const g of away) await ctl.exec(["crm_resource", "--move", "--resource", g.id, "--node", node], { timeoutMs: 30_000 });
    await waitFor(
      `${away.map((g) => g.id).join(", ")} running on ${node}`,
      async () => {
        const now = await cwStatus(running);
        return away.every((g) => g.members.every((m) => healthyOn(now, m) === node)) || undefined;
      },
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    for (const g of away) await ctl.exec(["crm_resource", "--clear", "--resource", g.id], { timeoutMs: 30_000 });
    return away.map((g) => g.id);
  });
}

/** Forgets every resource's failures (crm_resource --cleanup), so each scenario starts with RESTART_ATTEMPTS left. */
export async function clearFailures(running: Cw): Promise<void> {
  await running.hostsOf("cwnode")[0]!.exec(["crm_resource", "--cleanup"], { timeoutMs: 60_000 });
}

/** The fail count of `resource` on `node` (0 when none). */
export async function failCount(running: Cw, resource: string, node: string): Promise<number> {
  const r = await running.hostsOf("cwnode")[0]!.exec(["crm_failcount", "--query", "-q", "-r", resource, "-N", node], { allowFail: true, timeoutMs: 15_000 });
  const n = r.stdout.trim();
  return n === "INFINITY" ? Number.POSITIVE_INFINITY : Number(n) || 0;
}

/** Reads the table's rows through mysqlVIP (one MariaDB: one final read) as `rows:mysql`. */
export async function recordFinalRowsCw(run: ScenarioRun, running: Cw, table: string): Promise<number> {
  const ep = clusterwareEndpoints(running);
  return run.step("final read through mysqlVIP", async () => {
    const seqs = await readSeqs(ep.dbHost, table);
    run.record({ kind: "rows", host: "mysql" }, seqs);
    return seqs.length;
  });
}
