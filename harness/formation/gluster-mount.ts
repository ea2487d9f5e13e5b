import type { Host } from "../transport/host.ts";
import { waitFor } from "../wait/wait-for.ts";
import type { FormationContext } from "./context.ts";

/** How long a FUSE mount may take to come up. */
export const GLUSTER_MOUNT_TIMEOUT_MS = 60_000;

/** The mount command for `volume` from `servers` (first is the volfile server, the rest backups); pure. */
export function glusterMountCommand(servers: readonly string[], volume: string, mountpoint: string): string[] {
  const [primary, ...backups] = servers;
  const opts = backups.length > 0 ? ["-o", `backup-volfile-servers=${backups.join(":")}`] : [];
  return ["mount", "-t", "glusterfs", ...opts, `${primary}:/${volume}`, mountpoint];
}

/** A boot.d script that remounts after a restart, retrying in the background while servers come up; pure. */
export function glusterMountBootScript(cmd: readonly string[], mountpoint: string): string {
  return [
    "#!/bin/bash",
    "# Enabled by formation: remount the GlusterFS volume (like a _netdev fstab entry).",
    `mkdir -p ${mountpoint}`,
    `( for _ in $(seq 60); do mountpoint -q ${mountpoint} && exit 0; ${cmd.join(" ")} && exit 0; sleep 2; done ) >>/var/log/haproof/gluster-mount.log 2>&1 &`,
    "",
  ].join("\n");
}

/**
 * Mounts the topology's GlusterFS volume on `host` at `mountpoint` via FUSE (servers by host
 * name, with backup-volfile-servers), waits until it answers, and writes a boot.d script so the
 * mount returns after a restart. The host needs glusterfs-client, SYS_ADMIN and /dev/fuse. Idempotent.
 */
export async function mountGluster(ctx: FormationContext, host: Host, mountpoint: string): Promise<void> {
  const servers = ctx.hostsOf("gluster").map((h) => h.name);
  const cmd = glusterMountCommand(servers, ctx.topology.gluster.volume, mountpoint);
  await host.exec(["mkdir", "-p", mountpoint]);
  if ((await host.exec(["mountpoint", "-q", mountpoint], { allowFail: true })).exitCode !== 0) await host.exec(cmd, { timeoutMs: GLUSTER_MOUNT_TIMEOUT_MS });
  await waitFor(
    `${host.name}: ${mountpoint} is a mounted GlusterFS volume`,
    async () => (await host.exec(["bash", "-c", `mountpoint -q ${mountpoint} && stat -f -c %T ${mountpoint} | grep -q fuse`], { allowFail: true, timeoutMs: 10_000 })).exitCode === 0,
    { timeoutMs: GLUSTER_MOUNT_TIMEOUT_MS },
  );
  const slug = mountpoint.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
  await host.writeFile(`/etc/haproof/boot.d/50-mount-${slug}`, glusterMountBootScript(cmd, mountpoint), 0o755);
  ctx.log(`gluster: ${host.name} mounted ${servers[0]}:/${ctx.topology.gluster.volume} at ${mountpoint}`);
}
