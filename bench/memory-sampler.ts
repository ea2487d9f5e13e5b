import { docker } from "../harness/engine/docker.ts";

/** Sum of memory in use (usage minus page cache) over every haproof container, in bytes. */
export async function topologyMemory(): Promise<number> {
  const cs = await docker().listContainers({ filters: JSON.stringify({ label: ["io.haproof=true"], status: ["running"] }) });
  const used = await Promise.all(
    cs.map(async (c) => {
      const s = (await docker().getContainer(c.Id).stats({ stream: false })) as { memory_stats?: { usage?: number; stats?: Record<string, number> } };
      const m = s.memory_stats ?? {};
      return Math.max(0, (m.usage ?? 0) - (m.stats?.total_inactive_file ?? m.stats?.inactive_file ?? m.stats?.cache ?? 0));
    }),
  );
  return used.reduce((a, b) => a + b, 0);
}

/** Samples {@link topologyMemory} every `periodMs` until stopped; returns the peak seen. */
export function peakMemory(periodMs = 3000): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await topologyMemory().catch(() => 0));
      await new Promise((r) => setTimeout(r, periodMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}
