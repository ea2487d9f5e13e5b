import type { Host } from "../transport/host.ts";
import { waitFor } from "../wait/wait-for.ts";
import type { FormationContext } from "./context.ts";
import { brickServers } from "./gluster-layout.ts";
import { glusterStatus } from "../observe/gluster-status.ts";

/** Timeouts of the GlusterFS runbook. */
export const GLUSTER_TIMEOUTS = { glusterdMs: 60_000, peersMs: 60_000, bricksMs: 60_000 } as const;

const BOOT = {
  "/etc/haproof/boot.d/10-glusterd": "#!/bin/bash\n# Enabled by formation: glusterd restarts the bricks of started volumes.\nexec /usr/local/bin/glusterd-start\n",
  "/etc/haproof/stop.d/10-glusterd": "#!/bin/bash\nexec /usr/local/bin/glusterd-stop\n",
};

/** The brick directory of `volume` on a server (on the Docker volume mounted at /bricks). */
export const brickPath = (volume: string): string => `/bricks/${volume}/brick`;

const gluster = (h: Host, ...args: string[]) => h.exec(["gluster", "--mode=script", ...args], { timeoutMs: 60_000 });

/**
 * Forms the GlusterFS pool and volume on the `gluster` hosts: starts glusterd everywhere, probes
 * the peers by host name from the first (and the first back from the second, so every peer knows
 * it by name), creates the volume with one brick per server (`replica` from the topology) and
 * starts it, waits until every brick is online, and enables boot.d/stop.d scripts. Idempotent.
 */
export async function formGluster(ctx: FormationContext): Promise<void> {
  const servers = ctx.hostsOf("gluster");
  const { volume, replica } = ctx.topology.gluster;
  if (servers.length === 0) throw new Error("gluster: the topology has no gluster host");
  if (servers.length % replica !== 0) throw new Error(`gluster: ${servers.length} servers is not a multiple of replica ${replica}`);
  const t0 = performance.now();
  await Promise.all(
    servers.map(async (h) => {
      await h.exec(["mkdir", "-p", brickPath(volume)]);
      await h.exec(["/usr/local/bin/glusterd-start"]);
      for (const [path, body] of Object.entries(BOOT)) await h.writeFile(path, body, 0o755);
      await waitFor(`${h.name} glusterd answers`, async () => (await h.exec(["gluster", "--mode=script", "pool", "list"], { allowFail: true, timeoutMs: 10_000 })).exitCode === 0, {
        timeoutMs: GLUSTER_TIMEOUTS.glusterdMs,
      });
    }),
  );

  const [first, ...rest] = servers;
  for (const h of rest) await gluster(first, "peer", "probe", h.name);
  if (rest.length > 0) await gluster(rest[0], "peer", "probe", first.name);
  await Promise.all(
    servers.map((h) =>
      waitFor(
        `${h.name} sees ${servers.length - 1} connected peers`,
        async () => {
          const { peers } = await glusterStatus(h, volume);
          return peers.length === servers.length - 1 && peers.every((p) => p.connected);
        },
        { timeoutMs: GLUSTER_TIMEOUTS.peersMs },
      ),
    ),
  );
  ctx.log(`gluster: pool of ${servers.length} connected after ${Math.round(performance.now() - t0)} ms`);

  const layout = brickServers(ctx.topology, servers);
  const info = await first.exec(["gluster", "--mode=script", "volume", "info", volume], { allowFail: true });
  if (info.exitCode !== 0) {
    const bricks = layout.servers.map((h) => `${h.name}:${brickPath(volume)}`);
    await gluster(first, "volume", "create", volume, ...(layout.replica > 1 ? ["replica", String(layout.replica)] : []), "transport", "tcp", ...bricks, "force");
  }
  if (!/^Status: Started/m.test((await gluster(first, "volume", "info", volume)).stdout)) await gluster(first, "volume", "start", volume);
  await waitFor(
    `${volume}: ${layout.servers.length} bricks online`,
    async () => {
      const { bricks } = await glusterStatus(first, volume);
      return bricks.length === layout.servers.length && bricks.every((b) => b.online);
    },
    { timeoutMs: GLUSTER_TIMEOUTS.bricksMs },
  );
  ctx.log(`gluster: volume ${volume} (replica ${layout.replica}) started, ${layout.servers.length} bricks online, ${Math.round(performance.now() - t0)} ms`);
}
