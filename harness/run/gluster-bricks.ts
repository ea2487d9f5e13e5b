import type { Host } from "../transport/index.ts";
import type { Site } from "../site/index.ts";
import { healInfoCount } from "../observe/index.ts";
import { brickPath } from "../formation/gluster.ts";
import type { History } from "../history/index.ts";
import { Sampler } from "../probes/index.ts";
import type { ScenarioRun } from "./scenario-run.ts";

/** sha256 of `file` (relative to the volume root) read straight from `host`'s brick; null if the brick lacks it. */
export async function brickChecksum(host: Host, volume: string, file: string): Promise<string | null> {
  const r = await host.exec(["sha256sum", `${brickPath(volume)}/${file}`], { allowFail: true, timeoutMs: 30_000 });
  return r.exitCode === 0 ? r.stdout.trim().split(/\s+/)[0] : null;
}

/** Names of the Gluster servers whose brick holds `file`, in topology order. */
export async function brickHolders(running: Site, file: string): Promise<string[]> {
  const volume = running.topology.gluster.volume;
  const servers = running.hostsOf("gluster");
  const sums = await Promise.all(servers.map((h) => brickChecksum(h, volume, file)));
  return servers.filter((_, i) => sums[i] !== null).map((h) => h.name);
}

/**
 * Records `brick-sha:<host>` = the sha256 of `file` on every Gluster server's brick (null when
 * absent), which the replica-checksums check reads; returns them.
 */
export async function recordBrickChecksums(run: ScenarioRun, running: Site, file: string): Promise<Record<string, string | null>> {
  const volume = running.topology.gluster.volume;
  return run.step(`sha256 of ${file} on every brick`, async () => {
    const out: Record<string, string | null> = {};
    for (const h of running.hostsOf("gluster")) {
      out[h.name] = await brickChecksum(h, volume, file);
      run.record({ kind: "brick-sha", host: h.name }, out[h.name]);
    }
    return out;
  });
}

/**
 * Samples `gluster:heal-pending` = the entries pending self-heal (`gluster volume heal <vol> info`),
 * asked of the first Gluster server that answers (with `prefer` tried first).
 */
export function healPendingSampler(running: Site, history: History, prefer?: string, periodMs = 2000): Sampler {
  const hosts = running.hostsOf("gluster");
  const ordered = [...hosts.filter((h) => h.name === prefer), ...hosts.filter((h) => h.name !== prefer)];
  const volume = running.topology.gluster.volume;
  return new Sampler({
    history,
    name: "gluster-heal",
    periodMs,
    read: async () => {
      for (const h of ordered) {
        try {
          return [[{ kind: "heal-pending" }, await healInfoCount(h, volume)]];
        } catch {
          // glusterd down here: ask the next server
        }
      }
      return [];
    },
  });
}
