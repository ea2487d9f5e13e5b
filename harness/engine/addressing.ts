import type { BaseTopology } from "../../topologies/kinds.ts";

/** An IPv4 network as base address (uint32) and prefix length. */
export interface Cidr {
  base: number;
  prefix: number;
}

/** Parses "a.b.c.d/n"; throws on malformed input. */
export function parseCidr(s: string): Cidr {
  const m = s.match(/^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/);
  if (!m) throw new Error(`not an IPv4 CIDR: ${s}`);
  const oct = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (oct.some((o) => o > 255) || prefix > 32) throw new Error(`not an IPv4 CIDR: ${s}`);
  const addr = oct.reduce((a, o) => a * 256 + o, 0);
  return { base: mask(addr, prefix), prefix };
}

function mask(addr: number, prefix: number): number {
  return prefix === 0 ? 0 : Number((BigInt(addr) >> BigInt(32 - prefix)) << BigInt(32 - prefix));
}

/** Formats a uint32 as dotted quad. */
export function ipString(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** Formats a Cidr as "a.b.c.d/n". */
export function cidrString(c: Cidr): string {
  return `${ipString(c.base)}/${c.prefix}`;
}

/** True when the two networks share any address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  return mask(a.base, p) === mask(b.base, p);
}

/**
 * The first /`prefix` network inside 10.128.0.0/9 that overlaps none of `used`
 * (host routes, interface networks, other Docker networks). Pure; throws if none is free.
 */
export function pickSubnet(used: Cidr[], prefix: number, pool: Cidr = parseCidr("10.128.0.0/9")): Cidr {
  const step = 2 ** (32 - prefix);
  const end = pool.base + 2 ** (32 - pool.prefix);
  for (let b = pool.base; b < end; b += step) {
    const c = { base: b, prefix };
    if (!used.some((u) => overlaps(u, c))) return c;
  }
  throw new Error(`no free /${prefix} in ${cidrString(pool)}`);
}

/** Where each host and VIP lives on the run's network. */
export interface AddressPlan {
  subnet: string;
  gateway: string;
  /** Range Docker may assign from on its own (kept clear of hosts and VIPs). */
  ipRange: string;
  hosts: Record<string, string>;
  vips: Record<string, string>;
}

/**
 * Derives addresses inside `subnet`: gateway at offset 1, hosts from offset 10 in topology order,
 * VIPs from offset size-20 upwards, and Docker's own range the third quarter, clear of both.
 * Pure; throws when the subnet is too small for the topology.
 */
export function planAddresses(topology: BaseTopology, subnet: Cidr): AddressPlan {
  const size = 2 ** (32 - subnet.prefix);
  const hostsEnd = 10 + topology.hosts.length;
  const vipStart = size - 20;
  if (hostsEnd >= size / 2 || topology.vips.length > 16 || vipStart <= size / 2)
    throw new Error(`subnet /${subnet.prefix} too small for ${topology.hosts.length} hosts and ${topology.vips.length} VIPs`);
  const at = (o: number) => ipString(subnet.base + o);
  return {
    subnet: cidrString(subnet),
    gateway: at(1),
    ipRange: cidrString({ base: subnet.base + size / 2, prefix: subnet.prefix + 2 }),
    hosts: Object.fromEntries(topology.hosts.map((h, i) => [h.name, at(10 + i)])),
    vips: Object.fromEntries(topology.vips.map((v, i) => [v.name, at(vipStart + i)])),
  };
}
