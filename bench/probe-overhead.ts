import { setTimeout as delay } from "node:timers/promises";
import type { RunningTopology } from "../harness/engine/index.ts";
import { History } from "../harness/history/index.ts";
import { OpLoop, tcpProbe } from "../harness/probes/index.ts";
import { startClients } from "../harness/run/clients.ts";
import { busyBetween, readMachineCpu } from "./machine-cpu.ts";
import { describe } from "./stats.ts";
import { benchClients } from "./bench-clients.ts";

/** CPU of this process while 8 probes run at `rateHz`, as % of one core, and the probe loops' start lateness. */
export async function probeOverhead(running: RunningTopology, seconds: number, rateHz = 10) {
  const history = new History();
  const clients = await startClients(running, history, { ...benchClients("bench"), rateHz });
  const extra = [
    // Not the DB VIP: MariaDB counts a connect with no handshake as an error of the client's host,
    // and every client reaches it from the load balancer's address, so 100 of these block the LB.
    tcpProbe({ history, label: "amqp", address: running.hostsOf("datahost")[0]!.ip, port: 5672, rateHz }),
    tcpProbe({ history, label: "keystone", address: running.vip("controller").address, port: 5000, rateHz }),
    tcpProbe({ history, label: "glance", address: running.vip("controller").address, port: 9292, rateHz }),
  ];
  extra.forEach((p) => p.start());
  await delay(5000); // warm-up: connections, JIT
  const machine0 = readMachineCpu();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ops0 = history.events().length;
  await delay(seconds * 1000);
  const cpu = process.cpuUsage(cpu0);
  const machine = busyBetween(machine0, readMachineCpu());
  const wallMs = performance.now() - t0;
  const events = history.events().length - ops0;
  await clients.stop();
  await Promise.all(extra.map((p) => p.stop()));
  const loops = [...clients.probes, ...extra].filter((p): p is OpLoop => p instanceof OpLoop);
  const jitter = loops.map((l) => ({ probe: l.name, ...l.jitter() }));
  return {
    probes: clients.probes.length + extra.length,
    rateHz,
    seconds,
    cpuPercentOfOneCore: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    /** The same split: user (JavaScript, GC, hashing) and system (the kernel's share: sockets, timers). */
    cpuUserPercent: (cpu.user / 1000 / wallMs) * 100,
    cpuSystemPercent: (cpu.system / 1000 / wallMs) * 100,
    /** The whole machine's busy (all cores, /proc/stat) over the same window, topology included: not a difference. */
    machineBusyPercent: machine?.busyPercent,
    eventsPerSecond: events / (wallMs / 1000),
    jitterMeanMs: describe(jitter.map((j) => j.meanMs)),
    jitterP99Ms: describe(jitter.map((j) => j.p99Ms)),
    jitter,
  };
}
