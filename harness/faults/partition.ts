import type { BaseTopology } from "../../topologies/kinds.ts";
import type { Site } from "../site/index.ts";
import { FaultError, type Fault } from "./fault.ts";
import type { Grudge } from "./grudge.ts";
import { applyProved } from "./handle.ts";

/** The iptables chain haproof owns inside each host; flushing it heals every partition. */
export const CHAIN = "HAPROOF";

/** Shell that creates the chain (if absent) and hooks it first into INPUT, and with `output` into OUTPUT too; idempotent. */
export const ensureChain = (output = false) =>
  `iptables -N ${CHAIN} 2>/dev/null; iptables -C INPUT -j ${CHAIN} 2>/dev/null || iptables -I INPUT 1 -j ${CHAIN}` +
  (output ? `; iptables -C OUTPUT -j ${CHAIN} 2>/dev/null || iptables -I OUTPUT 1 -j ${CHAIN}` : "");

/** Shell that removes the chain and its hooks; idempotent. */
export const dropChain = `iptables -D INPUT -j ${CHAIN} 2>/dev/null; iptables -D OUTPUT -j ${CHAIN} 2>/dev/null; iptables -F ${CHAIN} 2>/dev/null; iptables -X ${CHAIN} 2>/dev/null; true`;

/** Options for {@link partition}. */
export interface PartitionOptions {
  /** Also cut the harness's own clients off from these nodes (default: clients reach every side). */
  cutClientFrom?: string[];
}

async function unreachable(site: Site<BaseTopology>, from: string, to: string): Promise<boolean> {
  const r = await site.host(from).exec(["ping", "-c", "1", "-W", "1", site.host(to).ip], { allowFail: true, timeoutMs: 5000 });
  return r.exitCode !== 0;
}

/**
 * Applies a grudge (node -> nodes it must not hear) with iptables DROP rules in each node's
 * HAPROOF chain; proved by pings across the cut failing. Heal removes the chain everywhere.
 */
export function partition(grudge: Grudge, opts: PartitionOptions = {}): Fault {
  const targets = Object.keys(grudge).filter((n) => grudge[n].length > 0);
  const name = "partition";
  return {
    name,
    targets,
    inject: (site, history) => {
      const harness = site.harnessIp;
      const undo = async () => {
        await Promise.all([...new Set([...targets, ...(opts.cutClientFrom ?? [])])].map((n) => site.host(n).exec(dropChain, { allowFail: true })));
      };
      return applyProved(history, name, targets, {
        apply: async () => {
          const nodes = new Set([...targets, ...(opts.cutClientFrom ?? [])]);
          await Promise.all(
            [...nodes].map((n) => {
              const drops = (grudge[n] ?? []).map((peer) => site.host(peer).ip);
              if (opts.cutClientFrom?.includes(n)) drops.push(harness);
              const rules = drops.map((ip) => `iptables -A ${CHAIN} -s ${ip} -j DROP`).join(" && ");
              return site.host(n).exec(`${ensureChain()} && ${rules || "true"}`);
            }),
          );
        },
        prove: async () => {
          // Pings run side by side: one after another they delayed "effective" by ~9 s.
          const pairs = targets.flatMap((a) => grudge[a].map((b) => [a, b] as const)).slice(0, 4);
          const cut = await Promise.all(pairs.map(([a, b]) => unreachable(site, a, b)));
          const leak = pairs.find((_, i) => !cut[i]);
          if (leak) throw new FaultError(name, leak[0], `still hears ${leak[1]} after the DROP rules`);
          return { grudge, provedPairs: pairs.length };
        },
        undo,
      });
    },
  };
}
