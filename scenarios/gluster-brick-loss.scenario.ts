import { randomBytes } from "node:crypto";
import { beforeAll, describe, it } from "vitest";
import type { Site } from "../harness/site/index.ts";
import { convergedAfterHeal, imageIntegrity, okDuringFault, outage, replicaChecksums } from "../harness/checks/index.ts";
import { killHost } from "../harness/faults/index.ts";
import { keystoneEndpoints } from "../harness/observe/index.ts";
import { expectedBricks } from "../harness/formation/gluster-layout.ts";
import { completedOps, faultWindow, lastSample, samplesOf } from "../harness/history/index.ts";
import { sha256 } from "../harness/probes/index.ts";
import { thresholdMs } from "../harness/requirements/index.ts";
import { expectOutcome, brickHolders, healPendingSampler, recordBrickChecksums, recordedDownload, recordedUpload, ScenarioRun, sharedTopology } from "../harness/run/index.ts";

// Thresholds: read from the requirements table (harness/requirements), overridable per site.
// A replica-3 volume keeps serving from two bricks; a FUSE client only stalls on the dead brick
// until network.ping-timeout (GlusterFS default 42 s, not overridden by formation), plus margin.
const GLANCE_OUTAGE_MS = thresholdMs("gluster-brick-loss", "glanceOutageMs");
// One upload attempt may stall for that same ping-timeout before it succeeds on two bricks.
const UPLOAD_TIMEOUT_MS = 90_000;
// The self-heal daemon starts an index heal when the brick reconnects; its periodic crawl (cluster.heal-timeout)
// defaults to 600 s, so a heal that waits for the crawl exceeds the budget below.
const HEAL_MS = thresholdMs("gluster-brick-loss", "healMs");

// Downloads that must succeed while the brick is down (10 Hz probe: a few seconds of outage).
const DOWNLOADS_DURING_FAULT = 30;

const pending = (v: unknown) => v === 0;

describe("gluster-brick-loss: a GlusterFS server dies under Glance", () => {
  let running: Site;
  beforeAll(async () => {
    running = await sharedTopology();
  });

  it("images keep their checksum, a new image uploads, and self-heal puts it on every brick", async () => {
    const run = await ScenarioRun.begin("gluster-brick-loss", running);
    const ep = keystoneEndpoints(running);
    const servers = running.hostsOf("gluster").map((h) => h.name);
    let victim = "";
    const sampler = healPendingSampler(running, run.history, servers[0]);
    const data = randomBytes(1 << 20);
    const newSha = sha256(data);
    let newId = "";

    await run.perform(async () => {
      const clients = await run.clients({ glance: true });
      // A brick that holds the probe's image: the second of three on a replica-3 volume (not the
      // server the mounts fetched their volfile from), the only one on a one-brick volume.
      const holders = await brickHolders(running, clients.image!.id);
      victim = holders[1] ?? holders[0] ?? servers[1]!;
      run.log(`bricks holding image ${clients.image!.id}: ${holders.join(", ")}; victim ${victim}`);
      sampler.start();
      const fault = await run.inject(killHost(victim));
      // Observed, not awaited: on a one-brick volume (the negative control) no upload or download succeeds while the
      // brick is down, and the run must still reach its end for the checks to judge it.
      newId =
        (await run.observe(
          "a new image uploaded through Glance with the brick down",
          () => recordedUpload(run, ep, `haproof-brick-loss-${Date.now()}`, data, UPLOAD_TIMEOUT_MS),
          UPLOAD_TIMEOUT_MS * 2,
        )) ?? "";
      run.record({ kind: "glance-expected" }, { [clients.image!.id]: clients.image!.sha256, ...(newId ? { [newId]: newSha } : {}) });
      run.log(newId ? `uploaded ${newId} (${newSha.slice(0, 12)}…) with ${victim} down` : `no upload succeeded with ${victim} down`);
      // A volume of one brick (the negative control's) has no replica to heal from: nothing to wait for, and the
      // self-heal checks stay unknown for want of samples.
      const replicated = expectedBricks(running.topology) > 1;
      if (!replicated) run.log(`volume ${running.topology.gluster.volume} has one brick: no self-heal to wait for`);
      if (replicated) await run.observe("self-heal has entries pending for the dead brick", () => (lastSample(run.history.events(), { kind: "heal-pending" })?.value as number) > 0, 60_000);
      const okSinceFault = () =>
        completedOps(run.history.events(), { process: "glance", f: "download" }).filter(
          (o) => o.type === "ok" && o.completeMono && BigInt(o.completeMono) > BigInt(faultWindow(run.history.events()).effectiveMono!),
        ).length;
      await run.observe(`${DOWNLOADS_DURING_FAULT} Glance downloads served with the brick down`, () => okSinceFault() >= DOWNLOADS_DURING_FAULT, GLANCE_OUTAGE_MS * 2);
      await fault.heal();
      await run.untilHealthy();
      if (replicated)
        await run.observe(
          "self-heal complete (no entry pending) after the heal",
          () => {
            const { healedMono } = faultWindow(run.history.events());
            return samplesOf(run.history.events(), { kind: "heal-pending" }).some((s) => healedMono && BigInt(s.mono) > BigInt(healedMono) && s.value === 0);
          },
          HEAL_MS * 2,
        );
      if (newId) {
        await recordBrickChecksums(run, running, newId);
        await run.until("the new image downloads through Glance after the heal", () => recordedDownload(run, ep, newId), 60_000);
      }
    });
    await sampler.stop();

    const summary = await run.finish(
      {
        "PRISMA-GLUSTER-IMAGES": (e) => imageIntegrity(e),
        "PRISMA-GLUSTER-OUTAGE": (e) => outage(e, { processes: ["glance"], maxOutageMs: GLANCE_OUTAGE_MS }),
        "PRISMA-GLUSTER-UPLOAD": (e) => okDuringFault(e, { process: "glance-upload", f: "upload" }),
        "PRISMA-GLUSTER-HEAL": (e) => convergedAfterHeal(e, { subject: { kind: "heal-pending" }, subjects: [{ kind: "heal-pending" }], predicate: pending, withinMs: HEAL_MS }),
        "PRISMA-GLUSTER-REPLICAS": (e) => replicaChecksums(e, { subject: { kind: "brick-sha" }, expected: newSha, replicas: servers }),
        "PRISMA-GLUSTER-NEW-IMAGE": (e) => imageIntegrity(e, { process: "glance-new" }),
      },
      () => ({
        healPendingMax: Math.max(0, ...samplesOf(run.history.events(), { kind: "heal-pending" }).map((e) => Number(e.value))),
      }),
    );
    expectOutcome(summary);
  });
});
