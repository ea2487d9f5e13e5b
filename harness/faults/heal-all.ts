import type { BaseTopology } from "../../topologies/kinds.ts";
import type { Site } from "../site/index.ts";
import { clearQdisc } from "./netem.ts";
import { CHAIN, dropChain } from "./partition.ts";

/**
 * Returns every host to a fault-free state: starts stopped/killed hosts, thaws paused ones,
 * removes haproof's iptables chain and netem qdisc. Runs before a scenario and at teardown,
 * so a crashed run leaves nothing behind. Idempotent; returns what it had to undo.
 */
export async function healAll(site: Site<BaseTopology>): Promise<string[]> {
  const undone: string[] = [];
  await Promise.all(
    site.hosts.map(async (h) => {
      const state = await site.power.state(h.name);
      if (state === "paused") {
        await site.power.unpause(h.name);
        undone.push(`unpaused ${h.name}`);
      } else if (state !== "running" && state !== "missing") {
        await site.power.start(h.name);
        undone.push(`started ${h.name}`);
      }
      if (state === "missing") return;
      const r = await h.exec(`iptables -S ${CHAIN} 2>/dev/null | grep -c -- '-A' ; tc qdisc show dev ${site.iface} | grep -c netem; ${dropChain}; ${clearQdisc(site.iface)}`, { allowFail: true });
      const [rules, qdiscs] = r.stdout.split("\n").map((n) => Number(n) || 0);
      if (rules) undone.push(`removed ${rules} partition rules on ${h.name}`);
      if (qdiscs) undone.push(`removed netem on ${h.name}`);
    }),
  );
  return undone;
}
