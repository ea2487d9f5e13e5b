import { readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { docker } from "./docker.ts";
import { parseCidr, type Cidr } from "./addressing.ts";

function hexLe(h: string): number {
  return parseInt(h.match(/../g)!.reverse().join(""), 16);
}

function maskBits(m: number): number {
  return m.toString(2).replace(/0/g, "").length;
}

/** Networks in use on this machine: kernel routes, interface addresses and every Docker network. */
export async function usedNetworks(): Promise<Cidr[]> {
  const used: Cidr[] = [];
  try {
    for (const line of readFileSync("/proc/net/route", "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 8) continue;
      const prefix = maskBits(hexLe(f[7]));
      if (prefix > 0) used.push({ base: hexLe(f[1]), prefix });
    }
  } catch {
    // Not Linux: interfaces and Docker networks below still apply.
  }
  for (const addrs of Object.values(networkInterfaces())) for (const a of addrs ?? []) if (a.family === "IPv4" && a.cidr) used.push(parseCidr(a.cidr));
  for (const n of await docker().listNetworks()) for (const c of n.IPAM?.Config ?? []) if (c.Subnet?.includes(".")) used.push(parseCidr(c.Subnet));
  return used;
}
