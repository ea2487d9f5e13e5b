import { docker } from "./docker.ts";
import { LABEL, LABEL_KEPT, LABEL_OWNER, LABEL_RUN } from "./labels.ts";

/** One haproof run as the engine shows it: its resources counted, its owner label and whether it is kept. */
export interface EngineRun {
  runId: string;
  owner?: string;
  kept: boolean;
  containers: number;
  networks: number;
  volumes: number;
}

/** Every run that has a haproof-labelled container, network or volume on the engine. Read-only. */
export async function listRuns(): Promise<EngineRun[]> {
  const filters = JSON.stringify({ label: [`${LABEL}=true`] });
  const d = docker();
  const [containers, networks, { Volumes }] = await Promise.all([d.listContainers({ all: true, filters }), d.listNetworks({ filters }), d.listVolumes({ filters })]);
  const runs = new Map<string, EngineRun>();
  const add = (labels: Record<string, string> | undefined, kind: "containers" | "networks" | "volumes") => {
    const runId = labels?.[LABEL_RUN];
    if (!runId) return;
    const run = runs.get(runId) ?? { runId, kept: false, containers: 0, networks: 0, volumes: 0 };
    run[kind]++;
    run.owner ??= labels[LABEL_OWNER];
    run.kept ||= labels[LABEL_KEPT] === "true";
    runs.set(runId, run);
  };
  for (const c of containers) add(c.Labels, "containers");
  for (const n of networks) add(n.Labels, "networks");
  for (const v of Volumes ?? []) add(v.Labels ?? undefined, "volumes");
  return [...runs.values()];
}

/** "run X: 11 containers, 1 network, 3 volumes". Pure. */
export function describeRun(r: EngineRun): string {
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? "" : "s"}`;
  return `run ${r.runId}: ${n(r.containers, "container")}, ${n(r.networks, "network")}, ${n(r.volumes, "volume")}`;
}
