import type { Site } from "../site/index.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";
import type { History, Subject } from "../history/index.ts";
import { galeraStatus, pacemakerStatus, vipHolderReport } from "../observe/index.ts";
import { Sampler } from "./sampler.ts";

/** Subject of the sample, recorded just before each round's `vip:<name>` samples, naming the hosts that did not answer that round. */
export const VIP_UNANSWERED_SUBJECT: Subject = { kind: "vip-unanswered" };

/**
 * Samples `vip:<name>` = holder host names for every VIP, asking every host of the roles
 * that could hold one (load balancers and controllers) once per round, so a holder outside `allowed` shows.
 * Each round first records `vip-unanswered` = the hosts that gave no answer (often []): a host listed there
 * is absent from that round's holder lists because it was not heard, not because it holds nothing.
 */
export function vipSampler(running: Site<BaseTopology>, history: History, periodMs = 500): Sampler {
  const candidates = running.hosts.filter((h) => h.role === "lb" || h.role === "controller" || h.role === "cwnode");
  const names = running.topology.vips.map((v) => v.name);
  return new Sampler({
    history,
    name: "vip-owner",
    periodMs,
    read: async () => {
      const r = await vipHolderReport(running, names, candidates);
      return [[VIP_UNANSWERED_SUBJECT, r.unanswered], ...names.map((n) => [{ kind: "vip", vip: n }, r.holders[n] ?? []] as const)];
    },
  });
}

/** Samples `wsrep:<node>` = {size, status, state, ready} for every data host. */
export function wsrepSampler(running: Site, history: History, periodMs = 1000): Sampler {
  return new Sampler({
    history,
    name: "wsrep",
    periodMs,
    read: async () => {
      const hosts = running.hostsOf("datahost");
      const st = await Promise.all(hosts.map((h) => galeraStatus(h)));
      return hosts.map((h, i) => [{ kind: "wsrep", host: h.name }, st[i]] as const);
    },
  });
}

/**
 * Samples `placement` = {observer, quorate, runningOn} from every controller that answers,
 * as `placement:<observer>` (a partitioned cluster has one view per side).
 */
export function placementSampler(running: Site<BaseTopology>, history: History, periodMs = 1000): Sampler {
  return new Sampler({
    history,
    name: "placement",
    periodMs,
    read: async () => {
      const views = await Promise.all(
        [...running.hostsOf("controller"), ...running.hostsOf("cwnode")].map(async (h) => {
          try {
            const s = await pacemakerStatus(h);
            return [{ kind: "placement", host: h.name } satisfies Subject, { quorate: s.quorate, online: s.online, runningOn: s.runningOn, failed: s.failed }] as const;
          } catch {
            return undefined;
          }
        }),
      );
      return views.filter((v) => v !== undefined);
    },
  });
}
