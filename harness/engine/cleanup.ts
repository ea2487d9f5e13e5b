import { docker } from "./docker.ts";
import { LABEL, LABEL_RUN } from "./labels.ts";

/** What {@link cleanByLabel} removed. */
export interface CleanReport {
  containers: string[];
  networks: string[];
  volumes: string[];
  images: string[];
}

/**
 * Removes containers, then networks, then volumes carrying the haproof label (only those of
 * `runId` when given; images too when `images`). Never touches anything unlabelled. Idempotent.
 */
export async function cleanByLabel(opts: { runId?: string; images?: boolean } = {}): Promise<CleanReport> {
  const label = opts.runId ? [`${LABEL_RUN}=${opts.runId}`] : [`${LABEL}=true`];
  const filters = JSON.stringify({ label });
  const d = docker();
  const report: CleanReport = { containers: [], networks: [], volumes: [], images: [] };
  const containers = await d.listContainers({ all: true, filters });
  await Promise.all(
    containers.map(async (c) => {
      await d.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone);
      report.containers.push(c.Names[0]?.replace(/^\//, "") ?? c.Id);
    }),
  );
  for (const n of await d.listNetworks({ filters })) {
    await d.getNetwork(n.Id).remove().catch(ignoreGone);
    report.networks.push(n.Name);
  }
  const { Volumes } = await d.listVolumes({ filters });
  for (const v of Volumes ?? []) {
    await d.getVolume(v.Name).remove().catch(ignoreGone);
    report.volumes.push(v.Name);
  }
  if (opts.images && !opts.runId) {
    for (const img of await d.listImages({ filters })) {
      await d.getImage(img.Id).remove({ force: true }).catch(ignoreGone);
      report.images.push(img.RepoTags?.[0] ?? img.Id);
    }
  }
  return report;
}

function ignoreGone(e: { statusCode?: number }): void {
  if (e.statusCode !== 404 && e.statusCode !== 409) throw e;
}
