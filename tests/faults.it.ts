import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTopology, type RunningTopology } from "../harness/engine/index.ts";
import { docker } from "../harness/engine/docker.ts";
import { CHAIN, healAll, isolate, killHost, killProcess, netem, partition, pauseHost, stopHost, UnsupportedFaultError } from "../harness/faults/index.ts";
import { History } from "../harness/history/index.ts";
import { waitFor } from "../harness/wait/index.ts";
import { PROCESSES } from "../harness/run/chaos/process-catalog.ts";
import { prisma, validateTopology } from "../topologies/index.ts";

// Every fault kind on two bare data hosts (no formation): inject -> proved effect -> heal -> no residue.
const small = validateTopology({
  ...prisma,
  hosts: [
    { name: "vm-1", role: "datahost" },
    { name: "vm-2", role: "datahost" },
  ],
  vips: [],
  groups: [],
  gluster: { volume: "gfile", replica: 1 },
});

describe("faults on real containers", () => {
  let running: RunningTopology;
  const history = new History();
  const pings = async (from: string, to: string) => (await running.host(from).exec(["ping", "-c", "1", "-W", "1", running.host(to).ip], { allowFail: true })).exitCode === 0;
  const phases = (fault: string) =>
    history
      .events()
      .filter((e) => e.kind === "fault" && e.fault === fault)
      .map((e) => (e as { phase: string }).phase);

  beforeAll(async () => {
    running = await startTopology(small, { log: () => undefined });
  });

  afterAll(async () => {
    const runId = running?.runId;
    await running?.down();
    if (runId) expect(await docker().listContainers({ all: true, filters: JSON.stringify({ label: [`io.haproof.run=${runId}`] }) })).toEqual([]);
  });

  it("kill: the container dies, heal starts it, heal twice is harmless", async () => {
    const h = await killHost("vm-2").inject(running, history);
    expect(await running.state("vm-2")).toBe("exited");
    await h.heal();
    await h.heal();
    expect(await running.state("vm-2")).toBe("running");
    expect(phases("kill")).toEqual(["start", "effective", "heal", "healed"]);
  });

  it("stop: graceful stop, then start", async () => {
    const h = await stopHost("vm-2", 5).inject(running, history);
    expect(await running.state("vm-2")).toBe("exited");
    await h[Symbol.asyncDispose]();
    expect(await running.state("vm-2")).toBe("running");
  });

  it("pause: frozen, then thawed", async () => {
    const h = await pauseHost("vm-2").inject(running, history);
    expect(await running.state("vm-2")).toBe("paused");
    await h.heal();
    expect(await running.state("vm-2")).toBe("running");
  });

  it("kill-process: only the matching process dies, the host lives", async () => {
    await running.host("vm-1").exec("setsid -f sleep 4242 >/dev/null 2>&1");
    await killProcess("vm-1", "sleep 4242").inject(running, history);
    expect((await running.host("vm-1").exec(["pgrep", "-f", "sleep 4242"], { allowFail: true })).exitCode).toBe(1);
    expect(await running.state("vm-1")).toBe("running");
    await expect(killProcess("vm-1", "no-such-process-xyz").inject(running, history)).rejects.toThrow(/no process matches/);
  });

  it("kill-process rabbitmq: the server dies, and its restart brings it back even while another beam.smp runs", async () => {
    const vm = running.host("vm-1");
    const { pattern, restart } = PROCESSES.rabbitmq;
    const serverUp = async () => (await vm.exec(["pgrep", "-u", "rabbitmq", "-f", pattern], { allowFail: true })).exitCode === 0;
    await vm.exec(restart!(running));
    await waitFor("RabbitMQ server VM on vm-1", serverUp, { timeoutMs: 90_000 });
    await killProcess("vm-1", pattern, "rabbitmq").inject(running, history);
    expect(await serverUp()).toBe(false);
    // What a sampler's rabbitmqctl looks like to pgrep: an Erlang VM named beam.smp, run as rabbitmq.
    await vm.exec("cp /bin/sleep /tmp/beam.smp && setsid -f su rabbitmq -s /bin/sh -c '/tmp/beam.smp 300' >/dev/null 2>&1");
    await waitFor("the look-alike VM", async () => (await vm.exec(["pgrep", "-u", "rabbitmq", "beam.smp"], { allowFail: true })).exitCode === 0, { timeoutMs: 10_000 });
    await vm.exec(restart!(running));
    await waitFor("RabbitMQ server VM on vm-1 again", serverUp, { timeoutMs: 90_000 });
    await vm.exec("/usr/local/bin/rabbit-stop; pkill -f /tmp/beam.smp", { allowFail: true });
  });

  it("partition: the cut holds both ways until heal, and heal leaves no rule behind", async () => {
    expect(await pings("vm-1", "vm-2")).toBe(true);
    const h = await partition(isolate("vm-1", ["vm-1", "vm-2"])).inject(running, history);
    expect(await pings("vm-1", "vm-2")).toBe(false);
    expect(await pings("vm-2", "vm-1")).toBe(false);
    await h.heal();
    expect(await pings("vm-1", "vm-2")).toBe(true);
    for (const n of ["vm-1", "vm-2"]) expect((await running.host(n).exec(["iptables", "-S", CHAIN], { allowFail: true })).exitCode).not.toBe(0);
  });

  it("netem: delays the link where the kernel has netem; where it has not, says unsupported and is skipped, never passed", async (ctx) => {
    let h: Awaited<ReturnType<ReturnType<typeof netem>["inject"]>>;
    try {
      h = await netem("vm-2", { delayMs: 300 }).inject(running, history);
    } catch (e) {
      expect(e).toBeInstanceOf(UnsupportedFaultError);
      expect(phases("netem")).toContain("failed");
      // The delay itself cannot be tested here: that is a skip, not a pass.
      return ctx.skip();
    }
    // The ping must answer, and its own round trip must carry the delay (a failed ping's timeout proves nothing).
    const r = await running.host("vm-1").exec(["ping", "-c", "1", "-W", "3", running.host("vm-2").ip], { allowFail: true });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const rttMs = Number(r.stdout.match(/time=([\d.]+) ms/)?.[1]);
    expect(rttMs).toBeGreaterThan(250);
    await h.heal();
    expect((await running.host("vm-2").exec(["tc", "qdisc", "show", "dev", running.iface])).stdout).not.toMatch(/netem/);
  });

  it("healAll undoes what a crashed run left: a killed host, a paused host, partition rules", async () => {
    await partition(isolate("vm-1", ["vm-1", "vm-2"])).inject(running, history);
    await killHost("vm-2").inject(running, history);
    const undone = await healAll(running);
    expect(undone.join("; ")).toMatch(/started vm-2/);
    expect(undone.join("; ")).toMatch(/partition rules on vm-1/);
    expect(await running.state("vm-2")).toBe("running");
    expect((await running.host("vm-1").exec(["iptables", "-S", CHAIN], { allowFail: true })).exitCode).not.toBe(0);
    expect(await healAll(running)).toEqual([]);
  });
});
