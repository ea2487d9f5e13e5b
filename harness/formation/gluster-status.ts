import type { Host } from "../engine/host.ts";

/** A GlusterFS server's view of its pool and volume. */
export interface GlusterStatus {
  /** The other peers (a server does not list itself) and whether they are connected. */
  peers: { name: string; connected: boolean }[];
  /** The volume's bricks and whether their process is online; empty if the volume is not started or glusterd is down. */
  bricks: { host: string; path: string; online: boolean }[];
}

const blocks = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => m[1]);
const field = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? "";

/**
 * Parses `gluster peer status --xml`; pure. A peer probed back by short name also carries its
 * reverse-DNS name (Docker answers `<container>.<network>`); the short, dot-free one is reported.
 */
export function parsePeerStatusXml(xml: string): GlusterStatus["peers"] {
  return blocks(xml, "peer").map((p) => {
    const names = [...p.matchAll(/<hostname>([^<]*)<\/hostname>/g)].map((m) => m[1]);
    return { name: names.find((n) => !n.includes(".")) ?? names[0] ?? "", connected: field(p, "connected") === "1" };
  });
}

/** Parses `gluster volume status VOL --xml` into bricks (self-heal and other daemons dropped); pure. */
export function parseVolumeStatusXml(xml: string): GlusterStatus["bricks"] {
  return blocks(xml, "node")
    .map((n) => ({ host: field(n, "hostname"), path: field(n, "path"), online: field(n, "status") === "1" }))
    .filter((b) => b.path.startsWith("/"));
}

/** Sums the "Number of entries: N" lines of `gluster volume heal VOL info`; a down brick's "-" counts 0; pure. */
export function parseHealInfo(out: string): number {
  return [...out.matchAll(/^Number of entries:\s*(\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** Peers and bricks as GlusterFS server `host` sees them; never throws for a down glusterd (empty lists). */
export async function glusterStatus(host: Host, volume = "gfile"): Promise<GlusterStatus> {
  const [peers, vol] = await Promise.all([
    host.exec(["gluster", "--mode=script", "peer", "status", "--xml"], { allowFail: true, timeoutMs: 30_000 }),
    host.exec(["gluster", "--mode=script", "volume", "status", volume, "--xml"], { allowFail: true, timeoutMs: 30_000 }),
  ]);
  return {
    peers: peers.exitCode === 0 ? parsePeerStatusXml(peers.stdout) : [],
    bricks: vol.exitCode === 0 ? parseVolumeStatusXml(vol.stdout) : [],
  };
}

/** Total entries pending heal on `volume`, asked of `host`; throws CommandError if glusterd cannot answer. */
export async function healInfoCount(host: Host, volume = "gfile"): Promise<number> {
  const r = await host.exec(["gluster", "--mode=script", "volume", "heal", volume, "info"], { timeoutMs: 60_000 });
  return parseHealInfo(r.stdout);
}
