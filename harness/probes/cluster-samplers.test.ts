import { describe, expect, it } from "vitest";
import { History, samplesOf } from "../history/index.ts";
import { CRM_MON_ARGV, IP_ADDR_ARGV, WSREP_STATUS_ARGV } from "../observe/index.ts";
import type { Site } from "../site/index.ts";
import type { Host, StreamEnd, StreamHandle } from "../transport/index.ts";
import { placementSampler, vipSampler, wsrepSampler } from "./cluster-samplers.ts";
import { streamLoop } from "./stream-records.ts";

/** A host whose stream answers one record at once: `answer` is its stdout, null a failing command; then stays open. */
function host(name: string, role: string, answer: string | null, scripts: string[], open: StreamHandle[]): Host {
  return {
    name,
    role,
    stream(script: string, onStdout: (c: string) => void): StreamHandle {
      scripts.push(script);
      let finish!: (e: StreamEnd) => void;
      const ended = new Promise<StreamEnd>((r) => (finish = r));
      queueMicrotask(() => onStdout(`@@haproof-sample\n${answer ?? "err\n"}@@haproof-end ${answer === null ? 1 : 0}\n`));
      const h = { ended, stop: async () => finish({ exitCode: null, error: "stopped" }) };
      open.push(h);
      return h;
    },
  } as unknown as Host;
}

const site = (hosts: Host[]) => ({ hosts, hostsOf: (r: string) => hosts.filter((h) => h.role === r), topology: { vips: [{ name: "db" }] }, vipAddress: () => "10.0.0.100" }) as unknown as Site;
const settle = () => new Promise((r) => setTimeout(r, 120));

describe("the streamed samplers", () => {
  it("vip: holders from the streams' answers, a failing host unanswered, one stream per host of the loop at the period", async () => {
    const scripts: string[] = [];
    const open: StreamHandle[] = [];
    const hosts = [host("lb-1", "lb", "2: eth0    inet 10.0.0.100/32 scope global eth0\n", scripts, open), host("lb-2", "lb", null, scripts, open), host("vm-1", "datahost", "x", scripts, open)];
    const history = new History();
    const s = vipSampler(site(hosts) as never, history, 50);
    s.start();
    await settle();
    await s.stop();
    expect(scripts).toEqual([streamLoop(IP_ADDR_ARGV, 25, 5_000), streamLoop(IP_ADDR_ARGV, 25, 5_000)]); // twice a round
    const events = history.events();
    expect(samplesOf(events, { kind: "vip", vip: "db" })[0]?.value).toEqual(["lb-1"]);
    expect(samplesOf(events, { kind: "vip-unanswered" })[0]?.value).toEqual(["lb-2"]);
    expect(samplesOf(events, { kind: "vip", vip: "db" }).length).toBeGreaterThan(1);
    expect(await Promise.all(open.map((h) => h.ended))).toEqual([
      { exitCode: null, error: "stopped" },
      { exitCode: null, error: "stopped" },
    ]);
  });

  it("wsrep: the parsed status, or galeraStatus's down for no answer", async () => {
    const scripts: string[] = [];
    const open: StreamHandle[] = [];
    const ok = "wsrep_cluster_size\t3\nwsrep_cluster_status\tPrimary\nwsrep_local_state_comment\tSynced\nwsrep_ready\tON\n";
    const history = new History();
    const s = wsrepSampler(site([host("vm-1", "datahost", ok, scripts, open), host("vm-2", "datahost", null, scripts, open)]), history, 50);
    s.start();
    await settle();
    await s.stop();
    expect(scripts[0]).toBe(streamLoop(WSREP_STATUS_ARGV, 50, 10_000));
    expect(samplesOf(history.events(), { kind: "wsrep", host: "vm-1" })[0]?.value).toEqual({ size: 3, status: "Primary", state: "Synced", ready: true });
    expect(samplesOf(history.events(), { kind: "wsrep", host: "vm-2" })[0]?.value).toEqual({ size: 0, status: "down", state: "down", ready: false });
  });

  it("placement: one view per controller that answers, none for one that fails or prints no crm_mon XML", async () => {
    const scripts: string[] = [];
    const open: StreamHandle[] = [];
    const xml =
      '<pacemaker-result><summary><current_dc present="true" with_quorum="true" name="controller-1"/></summary><nodes><node name="controller-1" online="true"/></nodes><resources><resource id="vip" role="Started" active="true"><node name="controller-1"/></resource></resources></pacemaker-result>\n';
    const hosts = [host("controller-1", "controller", xml, scripts, open), host("controller-2", "controller", null, scripts, open), host("controller-3", "controller", "not xml\n", scripts, open)];
    const history = new History();
    const s = placementSampler(site(hosts) as never, history, 50);
    s.start();
    await settle();
    await s.stop();
    expect(scripts[0]).toBe(streamLoop(CRM_MON_ARGV, 25, 15_000)); // twice a round
    expect(samplesOf(history.events(), { kind: "placement", host: "controller-1" })[0]?.value).toEqual({ quorate: true, online: ["controller-1"], runningOn: { vip: ["controller-1"] }, failed: [] });
    expect(samplesOf(history.events(), { kind: "placement", host: "controller-2" })).toEqual([]);
    expect(samplesOf(history.events(), { kind: "placement", host: "controller-3" })).toEqual([]);
  });
});
