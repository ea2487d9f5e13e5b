import pRetry, { AbortError } from "p-retry";
import { docker } from "./docker.ts";
import { LABEL, LABEL_RUN } from "./labels.ts";

/** What {@link cleanByLabel} removed. */
export interface CleanReport {
  containers: string[];
  networks: string[];
  volumes: string[];
  images: string[];
  /** What could not be removed, with Docker's reason (e.g. a network dockerd still holds an endpoint of). */
  failed: string[];
}

/**
 * Removes containers, then networks, then volumes carrying the haproof label (only those of
 * `runId` when given; images too when `images`). Never touches anything unlabelled. Idempotent.
 * A network or volume Docker still refuses after ~10 s is listed in `failed`, not thrown.
 */
export async function cleanByLabel(opts: { runId?: string; images?: boolean } = {}): Promise<CleanReport> {
  const label = opts.runId ? [`${LABEL_RUN}=${opts.runId}`] : [`${LABEL}=true`];
  const filters = JSON.stringify({ label });
  const d = docker();
  const report: CleanReport = { containers: [], networks: [], volumes: [], images: [], failed: [] };
  const containers = await d.listContainers({ all: true, filters });
  await Promise.all(
    containers.map(async (c) => {
      await d.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone);
      report.containers.push(c.Names[0]?.replace(/^\//, "") ?? c.Id);
    }),
  );
  for (const n of await d.listNetworks({ filters })) {
    await removeWhenFree(() => d.getNetwork(n.Id).remove())
      .then(() => report.networks.push(n.Name))
      .catch((e) => report.failed.push(`network ${n.Name}: ${(e as Error).message}`));
  }
  const { Volumes } = await d.listVolumes({ filters });
  for (const v of Volumes ?? []) {
    await removeWhenFree(() => d.getVolume(v.Name).remove())
      .then(() => report.volumes.push(v.Name))
      .catch((e) => report.failed.push(`volume ${v.Name}: ${(e as Error).message}`));
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

/**
 * Removes a network or volume whose containers may still be on their way out (another cleanup,
 * e.g. Ctrl-C racing a failed bring-up, removes them concurrently): Docker answers 403 "active
 * endpoints" or 409 "in use" until they are gone. Retries for about 10 s; 404 means done.
 */
async function removeWhenFree(remove: () => Promise<unknown>): Promise<void> {
  await pRetry(
    async () => {
      try {
        await remove();
      } catch (e) {
        const code = (e as { statusCode?: number }).statusCode;
        if (code === 404) return;
        if (code === 403 || code === 409) throw e;
        throw new AbortError(e as Error);
      }
    },
    { retries: 10, minTimeout: 250, maxTimeout: 2000, factor: 1.6 },
  );
}
