import type { Host } from "../engine/host.ts";
import type { FormationContext } from "./context.ts";

/** Whether `ip -o addr show` output carries `ip` as an IPv4 address on some interface; pure. */
export function addrListHas(ipAddrOutput: string, ip: string): boolean {
  return ipAddrOutput.split("\n").some((l) => l.split(/\s+/).some((w, i, ws) => ws[i - 1] === "inet" && w.split("/")[0] === ip));
}

/**
 * Names of the `candidates` that hold VIP `vipName` right now (by `ip -o addr show`), in
 * candidate order. A candidate that cannot be asked (stopped, paused past the timeout) holds
 * nothing. Works for keepalived and Pacemaker IPaddr2 VIPs alike; read-only.
 */
export async function vipHolders(ctx: Pick<FormationContext, "vipAddress">, vipName: string, candidates: readonly Host[]): Promise<string[]> {
  const vip = ctx.vipAddress(vipName);
  const held = await Promise.all(candidates.map(async (h) => {
    try {
      const r = await h.exec(["ip", "-o", "addr", "show"], { allowFail: true, timeoutMs: 5_000 });
      return r.exitCode === 0 && addrListHas(r.stdout, vip);
    } catch {
      return false;
    }
  }));
  return candidates.filter((_, i) => held[i]).map((h) => h.name);
}
