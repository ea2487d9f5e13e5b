import { failedOver } from "../checks/index.ts";
import { galeraStatus, lbStatus, pacemakerStatus, vipHolders } from "../observe/index.ts";
import type { Site } from "../site/index.ts";
import type { Host } from "../transport/index.ts";
import { lastSample, type History } from "../history/index.ts";
import { issueToken } from "../probes/index.ts";
import type { ClusterwareTopology } from "../../topologies/index.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";
import { galeraSynced, okAfterFault, preFaultTokensRevalidated, rabbitConverged, steadyOk } from "./conditions.ts";
import { cwStatus } from "./cw-support.ts";

/** A named wait: what {@link ScenarioRun.until} polls. `probe` is done when it yields neither undefined nor false. */
export interface Condition<T = unknown> {
  /** The condition as the runbook states it: the phase name, and the timeout error's `condition`. */
  readonly name: string;
  /** Reads the state once; a throw counts as "not yet". */
  readonly probe: () => Promise<T | undefined | false>;
  /** The bound when the call site gives none; ScenarioRun's default (120 s) when absent here too. */
  readonly timeoutMs?: number;
}

const cond = <T>(name: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs?: number): Condition<T> => ({
  name,
  probe: async () => probe(),
  ...(timeoutMs === undefined ? {} : { timeoutMs }),
});

/** Hosts that may answer for `vip`: every host of the roles its allowed hosts have, so a holder outside `allowed` shows. */
function vipCandidates(running: Site<BaseTopology>, vip: string): Host[] {
  const allowed = running.topology.vips.find((v) => v.name === vip)?.allowed ?? [];
  const roles = new Set(running.hosts.filter((h) => allowed.includes(h.name)).map((h) => h.role));
  return running.hosts.filter((h) => roles.has(h.role));
}

/** Reads `vip`'s holders; the candidates are chosen once, not on every poll. */
function holdersOf(running: Site<BaseTopology>, vip: string): () => Promise<string[]> {
  const candidates = vipCandidates(running, vip);
  return () => vipHolders(running, vip, candidates);
}

/** The named, reusable wait conditions of the scenarios; each builds a {@link Condition} and has no side effect until probed. */
export const until = {
  /** Every data host's Galera node Synced and Primary, in a cluster of `size` (default: the number of data hosts), read live. */
  galeraSynced(running: Site, size = running.hostsOf("datahost").length): Condition<true> {
    const nodes = running.hostsOf("datahost");
    return cond(`every Galera node Synced and Primary in a cluster of ${size}`, async () => (await Promise.all(nodes.map((h) => galeraStatus(h)))).every((s) => galeraSynced(s, size)));
  },

  /** The latest `wsrep:<host>` sample of every host in `hosts` Synced and Primary, in a cluster of `size` (default hosts.length). */
  galeraSyncedSampled(history: History, hosts: readonly string[], size = hosts.length): Condition<true> {
    return cond(`a sample of every Galera node Synced and Primary in a cluster of ${size}`, () =>
      hosts.every((host) => galeraSynced(lastSample(history.events(), { kind: "wsrep", host })?.value, size)),
    );
  },

  /** The latest `rabbit:<host>` sample of every host in `hosts` shows the three nodes running, unpartitioned ({@link rabbitConverged}). */
  rabbitConverged(history: History, hosts: readonly string[]): Condition<true> {
    return cond("a sample of every RabbitMQ node with 3 running and no partition", () => hosts.every((host) => rabbitConverged(lastSample(history.events(), { kind: "rabbit", host })?.value)));
  },

  /** The latest `rabbit:<host>` sample of every observer lists exactly `count` running nodes. */
  rabbitRunning(history: History, observers: readonly string[], count: number): Condition<true> {
    return cond(`${observers.join(", ")} see${observers.length === 1 ? "s" : ""} ${count} RabbitMQ nodes running`, () =>
      observers.every((host) => (lastSample(history.events(), { kind: "rabbit", host })?.value as { running?: string[] } | undefined)?.running?.length === count),
    );
  },

  /** The last `n` (default 10) completed ops of every process all ok; with `sinceMono`, counting only ops invoked after it. */
  steadyOk(history: History, processes: string | readonly string[], opts: { n?: number; sinceMono?: string } = {}): Condition<true> {
    const ps = typeof processes === "string" ? [processes] : processes;
    return cond(`${ps.join(" and ")} steadily ok again`, () => ps.every((p) => steadyOk(history.events(), p, opts.n, opts.sinceMono)));
  },

  /** `process` has an ok op completed after the fault was proved effective. */
  okAfterFault(history: History, process: string): Condition<true> {
    return cond(`an ok ${process} op after the fault took effect`, () => okAfterFault(history.events(), process));
  },

  /** Every `processes` op after the fault served by a host outside `away`, as {@link failedOver} judges it (no bound). */
  servedAway(history: History, processes: readonly string[], away: readonly string[]): Condition<true> {
    return cond(`${processes.join(", ")} served by a host other than ${away.join(", ")}`, () => failedOver(history.events(), { processes: [...processes], away: [...away] }).valid === true);
  },

  /** Every token issued before the fault has had a validation invoked after the heal ({@link preFaultTokensRevalidated}). */
  tokensRevalidated(history: History, process = "keystone"): Condition<true> {
    return cond("every pre-fault token validated again", () => preFaultTokensRevalidated(history.events(), process));
  },

  /** Keystone at `keystoneBase` issues a token. */
  keystoneIssues(keystoneBase: string): Condition<true> {
    return cond("Keystone issues a token through Controller_VIP", () => issueToken(keystoneBase).then(() => true as const));
  },

  /** `vip`'s first holder is one of `hosts`. */
  vipOn(running: Site<BaseTopology>, vip: string, hosts: readonly string[]): Condition<string> {
    const holders = holdersOf(running, vip);
    return cond(`VIP ${vip} on ${hosts.join(" or ")}`, async () => {
      const [h] = await holders();
      return h !== undefined && hosts.includes(h) ? h : undefined;
    });
  },

  /** `vip` held again, by hosts none of which is `host`; whether the new holder is allowed is the checks' verdict. */
  vipLeft(running: Site<BaseTopology>, vip: string, host: string): Condition<string[]> {
    const holders = holdersOf(running, vip);
    return cond(`VIP ${vip} on a host other than ${host}`, async () => {
      const now = await holders();
      return now.length > 0 && !now.includes(host) && now;
    });
  },

  /** Every one of `resources` running first on one of `hosts`, as the first answering Clusterware node (but `skip`) sees it. */
  runningOn(running: Site<ClusterwareTopology>, resources: readonly string[], hosts: readonly string[], skip: string[] = []): Condition<true> {
    return cond(`${resources.join(", ")} running on ${hosts.join(" or ")}`, async () => {
      const s = await cwStatus(running, skip);
      return resources.every((r) => hosts.includes(s.runningOn[r]?.[0] ?? ""));
    });
  },

  /** HAProxy on the load balancer holding the DB VIP sends writes to a Galera node other than `host`; yields that node. */
  writerLeft(running: Site, host: string): Condition<string> {
    return cond(`HAProxy writes to a node other than ${host}`, async () => {
      const [holder] = await vipHolders(running, "db", running.hostsOf("lb"));
      const w = holder ? (await lbStatus(running.host(holder), running.vipAddress("db"))).activeBackend : null;
      return w && w !== host ? w : undefined;
    });
  },

  /** Pacemaker on `observer` reports no quorum and no resource running. */
  noQuorumNothingRuns(running: Site, observer: string): Condition<true> {
    return cond(`${observer} has no quorum and runs nothing`, async () => {
      const s = await pacemakerStatus(running.host(observer));
      return !s.quorate && Object.values(s.runningOn).every((h) => h.length === 0);
    });
  },
};
