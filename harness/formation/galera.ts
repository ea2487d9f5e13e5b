import type { Host } from "../transport/host.ts";
import { waitFor } from "../wait/wait-for.ts";
import type { FormationContext } from "./context.ts";
import { GALERA_CNF_PATH, renderGaleraCnf } from "./galera-cnf.ts";
import { accountsSql } from "./galera-sql.ts";
import { galeraStatus, type GaleraStatus } from "../observe/galera-status.ts";

/** Timeouts of the Galera runbook (rsync SST of a fresh datadir takes a few seconds here). */
export const GALERA_TIMEOUTS = { bootstrapMs: 90_000, joinMs: 180_000, clustercheckMs: 20_000 } as const;

/** The boot.d/stop.d scripts that make a restarted data host start mysqld and rejoin by itself. */
const BOOT = {
  "/etc/haproof/boot.d/20-galera": "#!/bin/bash\n# Enabled by formation: start mysqld; it rejoins the cluster (IST/SST).\nexec /usr/local/bin/galera-start\n",
  "/etc/haproof/boot.d/21-clustercheck": "#!/bin/bash\nexec /usr/local/bin/clustercheck-start\n",
  "/etc/haproof/stop.d/20-galera": "#!/bin/bash\nexec /usr/local/bin/galera-stop\n",
};

const synced = (want: number) => (s: GaleraStatus) => s.status === "Primary" && s.state === "Synced" && s.size >= want;

async function waitSynced(host: Host, want: number, timeoutMs: number): Promise<GaleraStatus> {
  return waitFor(
    `${host.name} Galera Synced in a Primary cluster of ${want}`,
    async () => {
      const s = await galeraStatus(host);
      return synced(want)(s) ? s : false;
    },
    { timeoutMs, intervalMs: 500 },
  );
}

/**
 * Forms the Galera cluster on the `datahost` hosts: writes galera.cnf, bootstraps the first with
 * --wsrep-new-cluster, joins the others one at a time (each waited to Synced), creates the
 * root@'%' and probe accounts, starts clustercheck on :9200, and enables boot.d/stop.d scripts.
 * Re-running on a formed cluster is harmless (starts are idempotent, the SQL uses IF NOT EXISTS).
 */
export async function formGalera(ctx: FormationContext): Promise<void> {
  const nodes = ctx.hostsOf("datahost");
  if (nodes.length === 0) throw new Error("galera: the topology has no datahost");
  const memberIps = nodes.map((h) => h.ip);
  await Promise.all(nodes.map((h) => h.writeFile(GALERA_CNF_PATH, renderGaleraCnf({ clusterName: ctx.topology.name, nodeName: h.name, nodeIp: h.ip, memberIps }))));

  const [first, ...rest] = nodes;
  let t = performance.now();
  await first.exec(["/usr/local/bin/galera-start", "--wsrep-new-cluster"]);
  await waitSynced(first, 1, GALERA_TIMEOUTS.bootstrapMs);
  ctx.log(`galera: bootstrapped ${first.name} in ${Math.round(performance.now() - t)} ms`);
  await first.exec(["mariadb", "-e", accountsSql()]);

  for (const [i, h] of rest.entries()) {
    t = performance.now();
    await h.exec(["/usr/local/bin/galera-start"]);
    await waitSynced(h, i + 2, GALERA_TIMEOUTS.joinMs);
    ctx.log(`galera: ${h.name} joined (Synced) in ${Math.round(performance.now() - t)} ms`);
  }

  await Promise.all(
    nodes.map(async (h) => {
      for (const [path, body] of Object.entries(BOOT)) await h.writeFile(path, body, 0o755);
      await h.exec(["/usr/local/bin/clustercheck-start"]);
    }),
  );
  await Promise.all(nodes.map((h) => waitSynced(h, nodes.length, GALERA_TIMEOUTS.joinMs)));
  await Promise.all(
    nodes.map((h) =>
      waitFor(
        `${h.name} clustercheck :9200 answers 200`,
        async () => {
          const r = await h.exec(["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:9200/"], { allowFail: true, timeoutMs: 5_000 });
          return r.exitCode === 0;
        },
        { timeoutMs: GALERA_TIMEOUTS.clustercheckMs },
      ),
    ),
  );
  ctx.log(`galera: cluster of ${nodes.length} Synced on ${nodes.map((h) => h.name).join(", ")}`);
}
