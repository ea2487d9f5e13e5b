import type { BaseTopology } from "../../topologies/kinds.ts";
import type { Site } from "../site/index.ts";
import { FaultError, type Fault } from "./fault.ts";
import { applyProved } from "./handle.ts";
import { CHAIN, dropChain, ensureChain } from "./partition.ts";

/**
 * Cuts the harness's own clients off from `hosts` both ways (iptables DROP of the harness address on
 * INPUT and OUTPUT, in haproof's chain; SSH excepted): to the clients the services there are frozen, while the
 * cluster itself hears every peer and moves nothing. Proved by the rules being in place on every
 * host, checked in the exec that adds them; heal removes the chain. The fault of known length that probe calibration measures.
 */
export function cutClient(hosts: string[]): Fault {
  const name = "cut-client";
  return {
    name,
    targets: hosts,
    inject: (site: Site<BaseTopology>, history) => {
      const h = site.harnessIp;
      // SSH stays open: over SSH the harness heals the cut through the very link it cuts.
      const rules = (flag: "-A" | "-C") =>
        [`-s ${h} -p tcp --dport 22 -j RETURN`, `-d ${h} -p tcp --sport 22 -j RETURN`, `-s ${h} -j DROP`, `-d ${h} -j DROP`].map((r) => `iptables ${flag} ${CHAIN} ${r}`).join(" && ");
      const onAll = (cmd: string, allowFail = false) => Promise.all(hosts.map((n) => site.host(n).exec(cmd, { allowFail })));
      const hooked = `iptables -C INPUT -j ${CHAIN} && iptables -C OUTPUT -j ${CHAIN}`;
      let applied: { exitCode: number }[] = [];
      return applyProved(history, name, hosts, {
        // Applied and checked in one exec per host: the cut's start is then known to within one exec, not two.
        apply: async () => {
          applied = await onAll(`${ensureChain(true)} && ${rules("-A")} && ${rules("-C")} && ${hooked}`, true);
        },
        prove: async () => {
          const missing = hosts.find((_, i) => applied[i]?.exitCode !== 0);
          if (missing) throw new FaultError(name, missing, "the DROP rules for the harness address are not in place");
          return { harness: site.harnessIp };
        },
        undo: async () => void (await onAll(dropChain)),
      });
    },
  };
}
