import { XMLParser } from "fast-xml-parser";
import type { Host } from "../transport/host.ts";

/** A GlusterFS server's view of its pool and volume. */
export interface GlusterStatus {
  /** The other peers (a server does not list itself) and whether they are connected. */
  peers: { name: string; connected: boolean }[];
  /** The volume's bricks and whether their process is online; empty if the volume is not started or glusterd is down. */
  bricks: { host: string; path: string; online: boolean }[];
}

// gluster's --xml output is element text, not attributes; repeated elements are always arrays.
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ["peer", "hostname", "node"].includes(name) });
type PeerXml = { hostname?: string[]; hostnames?: { hostname?: string[] }; connected?: string };
type NodeXml = { hostname?: string[]; path?: string; status?: string };

/**
 * Parses `gluster peer status --xml`; pure. A peer probed back by short name also carries its
 * reverse-DNS name (Docker answers `<container>.<network>`); the short, dot-free one is reported.
 */
export function parsePeerStatusXml(text: string): GlusterStatus["peers"] {
  const peers: PeerXml[] = xml.parse(text)?.cliOutput?.peerStatus?.peer ?? [];
  return peers.map((p) => {
    const names = [...(p.hostname ?? []), ...(p.hostnames?.hostname ?? [])].map(String);
    return { name: names.find((n) => !n.includes(".")) ?? names[0] ?? "", connected: String(p.connected) === "1" };
  });
}

/** Parses `gluster volume status VOL --xml` into bricks (self-heal and other daemons dropped); pure. */
export function parseVolumeStatusXml(text: string): GlusterStatus["bricks"] {
  const nodes: NodeXml[] = xml.parse(text)?.cliOutput?.volStatus?.volumes?.volume?.node ?? [];
  return nodes.map((n) => ({ host: String(n.hostname?.[0] ?? ""), path: String(n.path ?? ""), online: String(n.status) === "1" })).filter((b) => b.path.startsWith("/"));
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
