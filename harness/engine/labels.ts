/** Label every haproof-created container, network, volume and image carries. */
export const LABEL = "io.haproof";
/** Label naming the run that created a resource. */
export const LABEL_RUN = "io.haproof.run";
/** Label naming the topology of a run. */
export const LABEL_TOPOLOGY = "io.haproof.topology";
/** Label naming a container's host (e.g. "vm-1"). */
export const LABEL_HOST = "io.haproof.host";
/** Label naming a container's role. */
export const LABEL_ROLE = "io.haproof.role";
/** Network label carrying the run's subnet, so a later process can re-attach. */
export const LABEL_SUBNET = "io.haproof.subnet";
/** Label naming the process that owns a run (`host:pid:started`); a run whose owner is gone is an orphan. */
export const LABEL_OWNER = "io.haproof.owner";
/** Label of the marker volume that keeps a run on purpose (`up`, `--keep`) after its owner ends. */
export const LABEL_KEPT = "io.haproof.kept";

/** The labels for a resource of run `runId`, owned by `owner` (see currentOwner); pure. */
export function runLabels(runId: string, topology: string, extra: Record<string, string> = {}, owner?: string): Record<string, string> {
  return { [LABEL]: "true", [LABEL_RUN]: runId, [LABEL_TOPOLOGY]: topology, ...(owner ? { [LABEL_OWNER]: owner } : {}), ...extra };
}
