import type { ProcessName } from "../../chaos/index.ts";
import type { Site } from "../../site/index.ts";

/** How to find a killable process on its host, and the idempotent command that starts it again. */
export interface ProcessSpec {
  /** pgrep -f pattern matching the process and nothing else on that host. */
  pattern: string;
  /**
   * Shell that starts it again if it is down and does nothing if it runs (the image's start
   * scripts are idempotent). Absent when a supervisor restarts it by itself (Pacemaker).
   */
  restart?: (site: Site) => string;
  /** Who brings it back, for logs. */
  recovery: string;
}

/** The processes a chaos `process` step may kill, as the images run them (docker/ and the formation runbooks). */
export const PROCESSES: Record<ProcessName, ProcessSpec> = {
  // mysqld_safe restarts a crashed mariadbd; galera-start is a no-op while mysqld_safe runs.
  mysqld: { pattern: "^/usr/sbin/(mariadbd|mysqld) ", restart: () => "/usr/local/bin/galera-start", recovery: "mysqld_safe" },
  // Nothing supervises the Erlang VM: the heal starts the node again, as an operator would.
  // The server VM only: a sampler's rabbitmqctl runs a beam.smp too.
  rabbitmq: { pattern: "beam\\.smp .* -s rabbit boot", restart: () => "/usr/local/bin/rabbit-start", recovery: "the heal (rabbit-start)" },
  // keepalived's chk_haproxy gives the VIP up meanwhile; lb-start restarts haproxy only.
  haproxy: { pattern: "^haproxy ", restart: () => "/usr/local/bin/lb-start", recovery: "the heal (lb-start)" },
  // glusterd restarts a brick only when the volume is started again.
  glusterfsd: { pattern: "^/usr/sbin/glusterfsd ", restart: (r) => `gluster volume start ${r.topology.gluster.volume} force`, recovery: "the heal (volume start force)" },
  keystone: { pattern: "uwsgi .*keystone-wsgi-public", recovery: "Pacemaker" },
  glance: { pattern: "/usr/bin/glance-api", recovery: "Pacemaker" },
};
