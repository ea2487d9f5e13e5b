import type { Site } from "../../site/index.ts";
import type { ClientSpec } from "../clients.ts";

/** Every probe kind the calibration measures, in the order it runs them. */
export const PROBE_KINDS = ["tcp", "mysql", "amqp-publish", "amqp-consume", "keystone", "glance"] as const;

/** One probe kind. */
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** The probes' rate in calibration, as in every scenario. */
export const CALIBRATION_RATE_HZ = 10;

/** One probe period at {@link CALIBRATION_RATE_HZ}. */
export const CALIBRATION_PERIOD_MS = 1000 / CALIBRATION_RATE_HZ;

/**
 * A gap this long between two ok completions is a window although nothing failed (the calibration's
 * frozen service fails nothing when its ops outlast the freeze): five periods, well under the 1 s freeze.
 */
export const CALIBRATION_STALL_MS = 5 * CALIBRATION_PERIOD_MS;

/** How one probe kind is calibrated: the client set that runs it, its process, and the hosts whose cut freezes it. */
export interface KindCalibration {
  kind: ProbeKind;
  /** The history process whose outage is measured. */
  process: string;
  /** The scenario client set to start (tcp has none: its probe is started on its own). */
  spec?: ClientSpec;
  /** Hosts cut from the harness: every host that could serve the probe, so nothing serves it elsewhere. */
  cut: (site: Site) => string[];
  /** The service's own time to serve again once reachable, beyond one period: a budget, named in `why`. */
  reconnectMs: number;
  why: string;
}

const controllers = (s: Site) => s.hostsOf("controller").map((h) => h.name);

/** The calibration of each probe kind, through the VIP (or host list) its scenarios use. */
export const KIND_CALIBRATIONS: Record<ProbeKind, KindCalibration> = {
  tcp: { kind: "tcp", process: "tcp:controller-vip", cut: controllers, reconnectMs: 50, why: "a TCP handshake on the harness network, nothing to re-establish" },
  mysql: {
    kind: "mysql",
    process: "mysql",
    spec: { mysql: { table: "calibration_seq" } },
    cut: (s) => s.hostsOf("lb").map((h) => h.name),
    reconnectMs: 300,
    why: "a new MySQL connection through HAProxy: handshake, authentication, SELECT @@hostname, then the insert",
  },
  "amqp-publish": {
    kind: "amqp-publish",
    process: "amqp-publish",
    spec: { amqp: { queue: "haproof.calibration" } },
    cut: (s) => s.hostsOf("datahost").map((h) => h.name),
    reconnectMs: 500,
    why: "a new AMQP connection, confirm channel and queue declare, then the publish's confirm",
  },
  "amqp-consume": {
    kind: "amqp-consume",
    process: "amqp-consume",
    spec: { amqp: { queue: "haproof.calibration" } },
    cut: (s) => s.hostsOf("datahost").map((h) => h.name),
    reconnectMs: 500,
    why: "the publisher's reconnect (the consumer gets what it publishes) and the delivery over the consumer's one connection",
  },
  keystone: { kind: "keystone", process: "keystone", spec: { keystone: true }, cut: controllers, reconnectMs: 500, why: "one token issue or validation: Keystone's own latency, a new socket each" },
  glance: {
    kind: "glance",
    process: "glance",
    spec: { glance: true },
    cut: controllers,
    reconnectMs: 1000,
    why: "a new Keystone token when the shared one was lost with the service, then the 64 KiB download",
  },
};
