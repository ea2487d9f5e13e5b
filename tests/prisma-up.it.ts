import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docker } from "../harness/engine/docker.ts";
import type { RunningTopology } from "../harness/engine/index.ts";
import type { Health } from "../harness/formation/index.ts";
import { kindOf } from "../harness/kinds/index.ts";
import { keystoneEndpoints } from "../harness/observe/index.ts";
import { downloadSha256, issueToken, sha256, uploadImage, validateToken } from "../harness/probes/index.ts";
import { sharedTopology } from "../harness/run/index.ts";

// Runs after the scenarios (see vitest.config.ts), on the same shared run, and then takes it down.
describe("prisma: the PRISMA guide's topology up in real containers", () => {
  let running: RunningTopology;
  let health: Health;

  beforeAll(async () => {
    running = await sharedTopology();
    health = await kindOf(running.topology).collectHealth(running);
  });

  afterAll(async () => {
    await running?.down();
  });

  it("reports no health problem", () => {
    expect(kindOf(running.topology).healthProblems(running.topology, health)).toEqual([]);
  });

  it("has a three-node Primary, Synced Galera cluster on every data host", () => {
    for (const n of ["vm-1", "vm-2", "vm-3"]) expect(health.galera[n]).toMatchObject({ size: 3, status: "Primary", state: "Synced" });
  });

  it("has three running RabbitMQ nodes seen from every data host", () => {
    for (const n of ["vm-1", "vm-2", "vm-3"]) expect(health.rabbit[n].running).toEqual(["rabbit@vm-1", "rabbit@vm-2", "rabbit@vm-3"]);
  });

  it("has the three bricks of gfile online", () => {
    expect(
      health.gluster?.bricks
        .filter((b) => b.online)
        .map((b) => b.host)
        .sort(),
    ).toEqual(["gluster-1", "gluster-2", "gluster-3"]);
  });

  it("has every VIP held by exactly one allowed host", () => {
    for (const v of running.topology.vips) {
      expect(health.vips[v.name].holders).toHaveLength(1);
      expect(v.allowed).toContain(health.vips[v.name].holders[0]);
    }
  });

  it("places g_controller on controller-1/2 and g_network on controller-2/3", () => {
    const on = health.pacemaker!.runningOn;
    expect(["controller-1", "controller-2"]).toContain(on.keystone?.[0]);
    expect(["controller-1", "controller-2"]).toContain(on.glance?.[0]);
    expect(["controller-2", "controller-3"]).toContain(on["neutron-l3-agent"]?.[0]);
  });

  it("issues and validates a Keystone token through Controller_VIP", async () => {
    const ep = keystoneEndpoints(running);
    const token = await issueToken(ep.keystoneBase);
    expect(token.length).toBeGreaterThan(20);
    await expect(validateToken(ep.keystoneBase, token, token)).resolves.toBeUndefined();
  });

  it("uploads an image through Glance and reads it back with the same checksum", async () => {
    const ep = keystoneEndpoints(running);
    const token = await issueToken(ep.keystoneBase);
    const data = randomBytes(3 << 20);
    const id = await uploadImage(ep.image, token, "haproof-foundation", data);
    expect(await downloadSha256(ep.image, token, id)).toBe(sha256(data));
  });

  it("leaves no container, network or volume of the run after down", async () => {
    await running.down();
    const filters = JSON.stringify({ label: [`io.haproof.run=${running.runId}`] });
    expect(await docker().listContainers({ all: true, filters })).toEqual([]);
    expect(await docker().listNetworks({ filters })).toEqual([]);
    expect((await docker().listVolumes({ filters })).Volumes ?? []).toEqual([]);
  });
});
