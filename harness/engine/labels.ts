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

/** The labels for a resource of run `runId`; pure. */
export function runLabels(runId: string, topology: string, extra: Record<string, string> = {}): Record<string, string> {
  return { [LABEL]: "true", [LABEL_RUN]: runId, [LABEL_TOPOLOGY]: topology, ...extra };
}
