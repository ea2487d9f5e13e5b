import { waitFor } from "../wait/wait-for.ts";
import type { Host } from "../transport/host.ts";
import type { FormationContext } from "./context.ts";
import { haproxyInput, renderHaproxyCfg } from "./haproxy-cfg.ts";
import { HAPROXY_ADMIN_SOCKET, HAPROXY_DB_PROXY, parseShowStat, type HaproxyServerStat } from "../observe/lb-status.ts";

/** HAProxy's DB listener mode: the guide's one writer with two backups, or round-robin over all. */
export type LbMode = "single-writer" | "multi-writer";

/** Bounds of a mode switch: the new backend set showing, and old processes draining their sessions. */
export const LB_MODE_TIMEOUTS = { backendsMs: 30_000, drainMs: 10_000 } as const;

const CFG = "/etc/haproxy/haproxy.cfg";
const PIDFILE = "/run/haproxy.pid";

/**
 * Whether `rows` (HAProxy `show stat`) show the backend set of `mode`: every backend listed and
 * UP; single-writer: `writer` normal and the others backup; multi-writer: none backup. Pure.
 */
export function backendSetIs(rows: readonly HaproxyServerStat[], mode: LbMode, writer: string, backends: readonly string[]): boolean {
  const mine = rows.filter((r) => r.proxy === HAPROXY_DB_PROXY);
  return backends.every((b) => {
    const r = mine.find((x) => x.name === b);
    const backup = mode === "single-writer" && b !== writer;
    return r?.status.startsWith("UP") === true && r.backup === backup;
  });
}

/** The mode the topology's own haproxy.cfg was formed with (what scenarios restore). */
export function formedLbMode(ctx: FormationContext): LbMode {
  return ctx.topology.galera.mode;
}

/**
 * Switches HAProxy's DB listener on every load balancer to `mode`: re-renders haproxy.cfg with the
 * formation renderer, validates it, and reloads gracefully (`haproxy -sf <old pid>`: the old process
 * stops listening and finishes its sessions). Sessions still open on an old process after
 * `drainMs` are cut (SIGTERM), so no client keeps the previous mode's routing. Waits until every
 * balancer's `show stat` shows the mode's backend set. Idempotent.
 */
export async function setLbMode(ctx: FormationContext, mode: LbMode, opts: { drainMs?: number } = {}): Promise<void> {
  const spec = ctx.topology.vips.find((v) => v.manager === "keepalived");
  if (!spec) throw new Error("lb-mode: the topology has no keepalived VIP");
  const lbs = spec.allowed.map((n) => ctx.host(n));
  const backends = ctx.hostsOf("datahost");
  const cfg = renderHaproxyCfg(haproxyInput(ctx.topology, backends, mode));
  await Promise.all(
    lbs.map(async (h) => {
      await h.writeFile(CFG, cfg);
      await h.exec(["haproxy", "-c", "-q", "-f", CFG]);
      const old = await pids(h);
      await h.exec(`haproxy -D -f ${CFG} -p ${PIDFILE} ${old.length ? `-sf ${old.join(" ")}` : ""}`);
      await waitFor(
        `${h.name} HAProxy shows the ${mode} backend set`,
        async () => {
          const stat = await h.exec(["bash", "-c", `echo "show stat" | socat stdio ${HAPROXY_ADMIN_SOCKET}`], { allowFail: true, timeoutMs: 10_000 });
          return (
            stat.exitCode === 0 &&
            backendSetIs(
              parseShowStat(stat.stdout),
              mode,
              ctx.topology.galera.writer,
              backends.map((b) => b.name),
            )
          );
        },
        { timeoutMs: LB_MODE_TIMEOUTS.backendsMs, intervalMs: 250 },
      );
      await drained(h, old, opts.drainMs ?? LB_MODE_TIMEOUTS.drainMs);
    }),
  );
  ctx.log(`lb: HAProxy reloaded in ${mode} mode on ${lbs.map((h) => h.name).join(", ")}`);
}

async function pids(h: Host): Promise<string[]> {
  const r = await h.exec(["pidof", "haproxy"], { allowFail: true, timeoutMs: 10_000 });
  return r.exitCode === 0 ? r.stdout.trim().split(/\s+/).filter(Boolean) : [];
}

/** Waits up to `drainMs` for the `old` processes to finish their sessions, then terminates the rest. */
async function drained(h: Host, old: string[], drainMs: number): Promise<void> {
  if (old.length === 0) return;
  const gone = () => pids(h).then((now) => old.every((p) => !now.includes(p)));
  const done = await waitFor(`${h.name} old HAProxy drained`, gone, { timeoutMs: drainMs, intervalMs: 250 }).catch(() => false);
  if (!done) await h.exec(["kill", "-TERM", ...old], { allowFail: true });
}
