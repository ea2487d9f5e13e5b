import { waitFor } from "../wait/wait-for.ts";
import type { FormationContext } from "./context.ts";
import { haproxyInput, renderHaproxyCfg } from "./haproxy-cfg.ts";
import { KEEPALIVED_CONF_PATH, renderKeepalivedConf } from "./keepalived-conf.ts";
import { lbStatus } from "../observe/lb-status.ts";
import { vipHolders } from "../observe/vip-holders.ts";

/** Timeouts of the load-balancer runbook, and the VRRP constants. */
export const LB_TIMEOUTS = { vipMs: 30_000, backendMs: 60_000 } as const;
const VRRP = { virtualRouterId: 51, topPriority: 150, step: 50 } as const;

const BOOT = {
  "/etc/haproof/boot.d/40-lb": "#!/bin/bash\n# Enabled by formation: haproxy, then keepalived.\nexec /usr/local/bin/lb-start\n",
  "/etc/haproof/stop.d/40-lb": "#!/bin/bash\nexec /usr/local/bin/lb-stop\n",
};

/**
 * Brings up the DB VIP: HAProxy (bind 0.0.0.0:3306, clustercheck health on :9200, single- or
 * multi-writer per topology) and keepalived on the load balancers allowed to hold the keepalived
 * VIP, the first MASTER (highest priority, preempting), the others BACKUP; unicast VRRP to each
 * other. Waits until the first balancer holds the VIP and every HAProxy has an UP backend.
 * Run after formGalera (the backends must answer clustercheck). Idempotent starts.
 */
export async function formLb(ctx: FormationContext, opts: { nopreempt?: boolean } = {}): Promise<void> {
  const spec = ctx.topology.vips.find((v) => v.manager === "keepalived");
  if (!spec) throw new Error("lb: the topology has no keepalived VIP");
  const lbs = spec.allowed.map((n) => ctx.host(n));
  const vip = ctx.vipAddress(spec.name);
  const { galera, tunables } = ctx.topology;
  const haproxyCfg = renderHaproxyCfg(haproxyInput(ctx.topology, ctx.hostsOf("datahost"), galera.mode));
  const t0 = performance.now();
  await Promise.all(
    lbs.map(async (h, i) => {
      await h.writeFile("/etc/haproxy/haproxy.cfg", haproxyCfg);
      await h.exec(["haproxy", "-c", "-q", "-f", "/etc/haproxy/haproxy.cfg"]);
      await h.writeFile(
        KEEPALIVED_CONF_PATH,
        renderKeepalivedConf({
          routerId: h.name,
          state: i === 0 ? "MASTER" : "BACKUP",
          priority: VRRP.topPriority - i * VRRP.step,
          iface: ctx.iface,
          virtualRouterId: VRRP.virtualRouterId,
          advertIntS: tunables.keepalivedAdvertIntS,
          vip,
          prefixLength: ctx.prefixLength,
          selfIp: h.ip,
          peerIps: lbs.filter((o) => o !== h).map((o) => o.ip),
          nopreempt: opts.nopreempt,
        }),
      );
      await h.exec(["/usr/local/bin/lb-start"]);
      for (const [path, body] of Object.entries(BOOT)) await h.writeFile(path, body, 0o755);
    }),
  );
  await waitFor(
    `DB VIP ${vip} held by ${lbs[0].name} alone`,
    async () => {
      const holders = await vipHolders(ctx, spec.name, lbs);
      return holders.length === 1 && holders[0] === lbs[0].name;
    },
    { timeoutMs: LB_TIMEOUTS.vipMs, intervalMs: 250 },
  );
  ctx.log(`lb: ${lbs[0].name} holds ${vip} after ${Math.round(performance.now() - t0)} ms`);
  await Promise.all(
    lbs.map((h) =>
      waitFor(
        `${h.name} HAProxy has an UP Galera backend`,
        async () => {
          const s = await lbStatus(h, vip);
          return s.haproxyUp && s.activeBackend !== null ? s : false;
        },
        { timeoutMs: LB_TIMEOUTS.backendMs },
      ),
    ),
  );
  ctx.log(`lb: HAProxy up on ${lbs.map((h) => h.name).join(", ")} (${galera.mode}, writer ${galera.writer})`);
}
