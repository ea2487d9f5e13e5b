import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PINNED } from "./pinned-timings.ts";

const ROOT = path.join(import.meta.dirname, "..", "..");
const src = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

// The bounds copy timings pinned elsewhere; these fail when one of those files changes its value.
describe("pinned timings stay in step with where they are configured", () => {
  it("corosync: only the token is set, so consensus is the 1.2 × token default", () => {
    expect(src("harness/formation/corosync-conf.ts")).not.toMatch(/consensus:/);
    expect(PINNED.consensusPerToken).toBe(1.2);
  });

  it("Galera's evs timeouts and RabbitMQ's net_ticktime are the upstream defaults formation leaves alone", () => {
    expect(src("harness/formation/galera-cnf.ts")).not.toMatch(/evs\.|wsrep_provider_options/);
    expect([PINNED.galeraSuspectMs, PINNED.galeraInactiveMs]).toEqual([5_000, 15_000]);
    expect(src("harness/formation/rabbitmq-conf.ts")).not.toMatch(/net_ticktime/);
    expect(PINNED.netTickDownMs).toBe(1.25 * 60_000);
  });

  it("HAProxy's check timeout, the daemon agent's SIGKILL wait, and the rabbitmqctl timeout", () => {
    expect(src("harness/formation/haproxy-cfg.ts")).toContain(`"  timeout check ${PINNED.haproxyCheckTimeoutMs / 1000}s"`);
    expect(src("docker/controller/ocf/daemon")).toContain(`[ $i -lt ${PINNED.daemonStopMs / 1000} ]`);
    expect(src("harness/observe/rabbitmq-status.ts")).toContain(`"json"], { allowFail: true, timeoutMs: ${PINNED.rabbitmqctlMs.toLocaleString("en").replace(",", "_")} }`);
  });

  it("the probes' timeouts", () => {
    expect(src("harness/probes/amqp-connection.ts")).toMatch(/heartbeat: 5 \}, \{ timeout: 1500 \}/);
    expect(PINNED.amqpDeadMs).toBe(2 * 5_000);
    expect(PINNED.amqpConnectMs).toBe(1_500);
    expect(src("harness/probes/amqp-publisher.ts")).toMatch(new RegExp(`timeoutMs: ${PINNED.amqpPublishMs}[ ,]`));
    expect(src("harness/probes/keystone-probe.ts")).toMatch(new RegExp(`timeoutMs: ${PINNED.keystoneOpMs}[ ,]`));
    expect(src("harness/probes/glance-probe.ts")).toMatch(new RegExp(`timeoutMs: ${PINNED.glanceOpMs}[ ,]`));
    expect(src("harness/probes/mysql-probe.ts")).toMatch(/timeoutMs: 2000[ ,]/);
    expect(src("harness/probes/mysql-connection.ts")).toContain("connectTimeoutMs = 1500");
    expect(PINNED.mysqlClientMs).toBe(2_000 + 1_500);
  });

  it("the samplers' periods fit inside their budgets", () => {
    const samplers = src("harness/probes/cluster-samplers.ts");
    expect(samplers).toMatch(/vipSampler\([^)]*periodMs = 500\)/);
    expect(samplers).toMatch(/placementSampler\([^)]*periodMs = 1000\)/);
    expect(PINNED.vipSampleMs).toBeGreaterThanOrEqual(2 * 500);
    expect(PINNED.placementSampleMs).toBeGreaterThanOrEqual(1_000);
  });
});
