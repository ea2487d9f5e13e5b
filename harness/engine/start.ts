import pRetry from "p-retry";
import type { BaseTopology } from "../../topologies/kinds.ts";
import { parseCidr, pickSubnet, planAddresses, type AddressPlan } from "./addressing.ts";
import { ensureBaseImage } from "./base-image.ts";
import { cleanByLabel } from "./cleanup.ts";
import { docker } from "./docker.ts";
import { DockerHost } from "../transport/index.ts";
import { HostContainer } from "./host-container.ts";
import { ensureRoleImages } from "./images.ts";
import { LABEL_HOST, LABEL_ROLE, LABEL_SUBNET, runLabels } from "./labels.ts";
import { currentOwner } from "./owner.ts";
import { ensureEngine } from "./provision.ts";
import { ROLE_SPECS } from "./role-spec.ts";
import { RunningTopology } from "./running-topology.ts";
import { usedNetworks } from "./used-networks.ts";

// The reaper (Ryuk) cannot be pulled without a registry; haproof cleans up by label itself.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";

/** Options for {@link startTopology}. */
export interface StartOptions {
  log: (line: string) => void;
  runId?: string;
  /** Extra labels on every container, network and volume of the run. */
  labels?: Record<string, string>;
  signal?: AbortSignal;
}

/** A fresh run id: topology, UTC time and a random suffix. */
export function newRunId(topology: string): string {
  const t = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  return `${topology}-${t}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Makes sure the engine and every image the topology needs exist; returns role -> image tag. */
export async function prepareImages(topology: BaseTopology, log: (l: string) => void): Promise<Record<string, string>> {
  await ensureEngine({ log });
  const rootfs = await ensureBaseImage(log);
  return ensureRoleImages(
    rootfs,
    topology.hosts.map((h) => h.role),
    log,
  );
}

async function createNetwork(runId: string, topology: BaseTopology, extra: Record<string, string>): Promise<{ name: string; plan: AddressPlan }> {
  const name = `haproof-${runId}`;
  // Another run may take the same free subnet between our look and our create: look again.
  return pRetry(
    async () => {
      const subnet = pickSubnet(await usedNetworks(), topology.prefixLength);
      const plan = planAddresses(topology, subnet);
      await docker().createNetwork({
        Name: name,
        Driver: "bridge",
        CheckDuplicate: true,
        IPAM: { Config: [{ Subnet: plan.subnet, IPRange: plan.ipRange, Gateway: plan.gateway }] },
        Labels: runLabels(runId, topology.name, { ...extra, [LABEL_SUBNET]: plan.subnet }, currentOwner()),
      });
      return { name, plan };
    },
    { retries: 4, minTimeout: 200, factor: 1.5 },
  );
}

/**
 * Brings the topology's containers up (engine, images, network, volumes, one container per host,
 * all labelled with the run id) and returns it running but unformed. On any failure or abort,
 * removes what this run created before rethrowing.
 */
export async function startTopology<T extends BaseTopology>(topology: T, opts: StartOptions): Promise<RunningTopology<T>> {
  const images = await prepareImages(topology, opts.log);
  const runId = opts.runId ?? newRunId(topology.name);
  try {
    opts.signal?.throwIfAborted();
    const { name: network, plan } = await createNetwork(runId, topology, opts.labels ?? {});
    opts.log(`network ${network}: ${plan.subnet}`);
    const hosts = await Promise.all(
      topology.hosts.map(async (h) => {
        const spec = ROLE_SPECS[h.role];
        const labels = runLabels(runId, topology.name, { ...opts.labels, [LABEL_HOST]: h.name, [LABEL_ROLE]: h.role }, currentOwner());
        const c = new HostContainer(images[h.role])
          .withName(`haproof-${runId}-${h.name}`)
          .withHostname(h.name)
          .withLabels(labels)
          .withStaticAddress(network, plan.hosts[h.name], [h.name])
          .withAddedCapabilities(...(spec.capabilities as never[]))
          .withSecurityOpt(...spec.securityOpts)
          .withSysctls(spec.sysctls)
          .withStartupTimeout(60_000);
        for (const d of spec.devices) c.withDevice(d);
        for (const target of spec.volumes) {
          const vol = `haproof-${runId}-${h.name}${target.replace(/\//g, "-")}`;
          await docker().createVolume({ Name: vol, Labels: labels });
          c.withVolume(vol, target);
        }
        const started = await c.start();
        return new DockerHost(h.name, h.role, plan.hosts[h.name], started.getId(), docker());
      }),
    );
    opts.log(`containers: ${hosts.length} started`);
    return new RunningTopology(runId, topology, network, plan, hosts);
  } catch (e) {
    await cleanByLabel({ runId }).catch(() => undefined);
    throw e;
  }
}

/**
 * Re-attaches to a run left up by an earlier process: run `runId`, or the newest run carrying
 * label `match` (default: any haproof run); undefined if none.
 */
export async function attachTopology<T extends BaseTopology>(resolve: (name: string) => T, runId?: string, match = "io.haproof=true"): Promise<RunningTopology<T> | undefined> {
  const label = runId ? [`io.haproof.run=${runId}`] : [match];
  const nets = (await docker().listNetworks({ filters: JSON.stringify({ label }) })).sort((a, b) => (b.Created ?? "").localeCompare(a.Created ?? ""));
  const net = nets[0];
  if (!net) return undefined;
  const labels = net.Labels ?? {};
  const run = labels["io.haproof.run"];
  const topology = resolve(labels["io.haproof.topology"]);
  const plan = planAddresses(topology, parseCidr(labels[LABEL_SUBNET]));
  const containers = await docker().listContainers({ all: true, filters: JSON.stringify({ label: [`io.haproof.run=${run}`] }) });
  const byHost = new Map(containers.map((c) => [c.Labels[LABEL_HOST], c.Id]));
  const hosts = topology.hosts.filter((h) => byHost.has(h.name)).map((h) => new DockerHost(h.name, h.role, plan.hosts[h.name], byHost.get(h.name)!, docker()));
  return new RunningTopology(run, topology, net.Name, plan, hosts);
}
