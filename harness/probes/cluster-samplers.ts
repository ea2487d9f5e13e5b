import type { Site } from "../site/index.ts";
import type { BaseTopology } from "../../topologies/kinds.ts";
import type { History, Subject } from "../history/index.ts";
import type { Host } from "../transport/index.ts";
import { CRM_MON_ARGV, GALERA_DOWN, holdersFromAnswers, IP_ADDR_ARGV, parseCrmMonXml, parseWsrepStatus, WSREP_STATUS_ARGV } from "../observe/index.ts";
import { Sampler, type SamplerOptions } from "./sampler.ts";
import { streamLoop } from "./stream-records.ts";
import { StreamedReader } from "./streamed-reader.ts";

/** Subject of the sample, recorded just before each round's `vip:<name>` samples, naming the hosts that did not answer that round. */
export const VIP_UNANSWERED_SUBJECT: Subject = { kind: "vip-unanswered" };

/**
 * A sampler whose rounds read `hosts`' answers to `argv` from one long-lived stream per host (a `streamLoop` every
 * `loopMs`, default `periodMs`, each run bounded by `timeoutMs` as the one-shot reader bounds its exec), not an exec
 * per round: `answer(host)` is the latest successful output at most 3 periods old, or null.
 */
function streamedSampler(
  hosts: readonly Host[],
  argv: readonly string[],
  timeoutMs: number,
  o: Omit<SamplerOptions, "read" | "onStart" | "onStop"> & { periodMs: number; loopMs?: number },
  read: (answer: (h: Host) => string | null) => ReturnType<SamplerOptions["read"]>,
): Sampler {
  const reader = new StreamedReader(hosts, streamLoop(argv, o.loopMs ?? o.periodMs, timeoutMs));
  const maxAgeMs = 3 * o.periodMs;
  return new Sampler({
    ...o,
    onStart: async () => {
      reader.start();
      await reader.firstRecords(maxAgeMs);
    },
    onStop: () => reader.stop(),
    read: () => read((h) => reader.latest(h.name, maxAgeMs)),
  });
}

/**
 * Samples `vip:<name>` = holder host names for every VIP, asking every host of the roles
 * that could hold one (load balancers and controllers) once per round, so a holder outside `allowed` shows.
 * Each round first records `vip-unanswered` = the hosts that gave no answer (often []): a host listed there
 * is absent from that round's holder lists because it was not heard, not because it holds nothing.
 */
export function vipSampler(running: Site<BaseTopology>, history: History, periodMs = 500): Sampler {
  const candidates = running.hosts.filter((h) => h.role === "lb" || h.role === "controller" || h.role === "cwnode");
  const names = running.topology.vips.map((v) => v.name);
  // Each host answers twice a round: the record a round reads is then at most half a round older than the sample,
  // so the old holder's last "holds it" overlaps the new holder's first by at most the one sample a handover may.
  return streamedSampler(candidates, IP_ADDR_ARGV, 5_000, { history, name: "vip-owner", periodMs, loopMs: periodMs / 2 }, async (answer) => {
    const vips = names.map((name) => ({ name, address: running.vipAddress(name) }));
    const r = holdersFromAnswers(
      vips,
      candidates.map((h) => h.name),
      candidates.map(answer),
    );
    return [[VIP_UNANSWERED_SUBJECT, r.unanswered], ...names.map((n) => [{ kind: "vip", vip: n }, r.holders[n] ?? []] as const)];
  });
}

/** Samples `wsrep:<node>` = {size, status, state, ready} for every data host ("down" for a host that gave no answer). */
export function wsrepSampler(running: Site, history: History, periodMs = 1000): Sampler {
  const hosts = running.hostsOf("datahost");
  return streamedSampler(hosts, WSREP_STATUS_ARGV, 10_000, { history, name: "wsrep", periodMs }, async (answer) =>
    hosts.map((h) => {
      const out = answer(h);
      return [{ kind: "wsrep", host: h.name }, out === null ? { ...GALERA_DOWN } : parseWsrepStatus(out)] as const;
    }),
  );
}

/**
 * Samples `placement` = {observer, quorate, runningOn} from every controller that answers,
 * as `placement:<observer>` (a partitioned cluster has one view per side).
 */
export function placementSampler(running: Site<BaseTopology>, history: History, periodMs = 1000): Sampler {
  const hosts = [...running.hostsOf("controller"), ...running.hostsOf("cwnode")];
  // Twice a round, as for the VIPs: a record's age plus one round stays inside the placementSampleMs budget.
  return streamedSampler(hosts, CRM_MON_ARGV, 15_000, { history, name: "placement", periodMs, loopMs: periodMs / 2 }, async (answer) =>
    hosts.flatMap((h) => {
      const out = answer(h);
      if (out === null) return [];
      try {
        const s = parseCrmMonXml(out, h.name);
        return [[{ kind: "placement", host: h.name } satisfies Subject, { quorate: s.quorate, online: s.online, runningOn: s.runningOn, failed: s.failed }] as const];
      } catch {
        return [];
      }
    }),
  );
}
