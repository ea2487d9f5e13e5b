import type { SiteFile } from "./schema.ts";

/**
 * Problems a schema cannot see: duplicate host names or addresses, a VIP or group naming an unknown host or
 * VIP, a service on a role no host plays, and a host whose key nothing pins (unless `acceptNewHostKeys`).
 * One `path: reason` line each; empty when the site is consistent. Pure.
 */
export function crossReferenceProblems(site: SiteFile, opts: { acceptNewHostKeys?: boolean } = {}): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const addresses = new Set<string>();
  site.hosts.forEach((h, i) => {
    if (names.has(h.name)) problems.push(`hosts.${i}.name: "${h.name}" is used by an earlier host`);
    if (addresses.has(h.address)) problems.push(`hosts.${i}.address: ${h.address} is used by an earlier host`);
    names.add(h.name);
    addresses.add(h.address);
    if (!h.ssh.hostKey && !site.knownHosts && !opts.acceptNewHostKeys) {
      problems.push(`hosts.${i}.ssh.hostKey: ${h.name}'s host key is not pinned and no knownHosts file is named (host keys are always verified; --accept-new-host-keys records them on first use)`);
    }
  });
  const unknownHosts = (where: string, list: readonly string[]) => list.forEach((n, j) => names.has(n) || problems.push(`${where}.${j}: no host "${n}" in hosts`));
  const vipNames = new Set(site.vips.map((v) => v.name));
  site.vips.forEach((v, i) => unknownHosts(`vips.${i}.allowed`, v.allowed));
  site.groups.forEach((g, i) => {
    unknownHosts(`groups.${i}.allowed`, g.allowed);
    unknownHosts(`groups.${i}.forbidden`, g.forbidden);
    if (g.vip !== undefined && !vipNames.has(g.vip)) problems.push(`groups.${i}.vip: no VIP "${g.vip}" in vips`);
    const both = g.allowed.filter((h) => g.forbidden.includes(h));
    if (both.length) problems.push(`groups.${i}: ${both.join(", ")} both allowed and forbidden`);
  });
  const played = new Set(site.hosts.flatMap((h) => h.roles));
  for (const role of Object.keys(site.services)) {
    if (!played.has(role as never)) problems.push(`services.${role}: no host has role ${role}`);
  }
  return problems;
}
