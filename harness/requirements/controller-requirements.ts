import type { Requirement } from "./requirement.ts";

const PCMK = "PRISMA guide §Pacemaker cluster of the controllers";
const KS = "PRISMA guide §Keystone behind Controller_VIP";
const GL = "PRISMA guide §Glance on GlusterFS";
const CW = "Clusterware paper §Action scripts and RESTART_ATTEMPTS";

/** Requirements of the controller scenarios (node-loss, service-failure, network-failover, quorum-loss). */
export const CONTROLLER_REQUIREMENTS: readonly Requirement[] = [
  // node-loss: the controller holding Controller_VIP dies.
  { id: "PRISMA-CTRL-VIP-MOVE", scenario: "node-loss", check: "Controller_VIP moved to the other allowed controller",
    text: "Controller_VIP moves to the other allowed controller within {threshold}", metric: "controllerVipMoveMs", thresholdMs: 30_000, source: PCMK },
  { id: "PRISMA-CTRL-VIP-UNIQUE", scenario: "node-loss", check: "Controller_VIP never on two hosts or a forbidden one",
    text: "Controller_VIP is never held by two hosts nor by controller-3, and no holder for at most {threshold}", thresholdMs: 30_000, source: PCMK },
  { id: "PRISMA-CTRL-PLACEMENT", scenario: "node-loss", check: "g_controller only on controller-1/2, never split",
    text: "g_controller runs only on controller-1/2, all its resources on one host", source: PCMK },
  { id: "PRISMA-CTRL-TOKENS", scenario: "node-loss", check: "tokens issued before the fault still validate",
    text: "Keystone tokens issued before the failover still validate after it (shared Fernet keys)", source: KS },
  { id: "PRISMA-CTRL-IMAGES", scenario: "node-loss", check: "Glance downloads keep the original checksum",
    text: "every Glance image download keeps the checksum of the uploaded image", source: GL },
  { id: "PRISMA-CTRL-KEYSTONE-OUTAGE", scenario: "node-loss", check: "Keystone outage within bound",
    text: "Keystone through Controller_VIP is unavailable for at most {threshold}", metric: "keystoneOutageMs", thresholdMs: 90_000, source: KS },
  { id: "PRISMA-CTRL-GLANCE-OUTAGE", scenario: "node-loss", check: "Glance outage within bound",
    text: "Glance through Controller_VIP is unavailable for at most {threshold}", metric: "glanceOutageMs", thresholdMs: 90_000, source: GL },
  { id: "PRISMA-CTRL-REJOIN", scenario: "node-loss", check: "the killed controller rejoins the cluster",
    text: "the killed controller is online in the cluster again within {threshold} of coming back", metric: "controllerRejoinMs", thresholdMs: 180_000, source: PCMK },

  // service-failure: a service process dies on its controller; Pacemaker (or Clusterware) recovers it.
  { id: "PRISMA-SVC-RESTART", scenario: "service-failure", topology: "prisma", check: "Keystone restarted in place",
    text: "Pacemaker restarts a failed Keystone on the same controller within {threshold}", metric: "keystoneRestartMs", thresholdMs: 30_000, source: PCMK },
  { id: "PRISMA-SVC-VIP-STAYS", scenario: "service-failure", topology: "prisma", check: "Controller_VIP stayed on its controller",
    text: "one service failure is recovered in place: Controller_VIP does not move", source: PCMK },
  { id: "PRISMA-SVC-OUTAGE", scenario: "service-failure", check: "Keystone outage within bound",
    text: "Keystone is unavailable for at most {threshold} after its process dies", metric: "keystoneOutageMs", thresholdMs: 30_000, source: PCMK },
  { id: "CW-SVC-RESTART-THEN-RELOCATE", scenario: "service-failure", topology: "clusterware", check: "restarted in place twice, then relocated",
    text: "a failing resource is restarted in place RESTART_ATTEMPTS=2 times, then relocated to the other server of its pool", source: CW },
  { id: "CW-SVC-RELOCATE-TIME", scenario: "service-failure", topology: "clusterware", check: "service relocated within bound",
    text: "after the restarts are used up, the service answers on its VIP from the other server within {threshold}", metric: "relocateMs", thresholdMs: 60_000, source: "Clusterware paper §CHECK_INTERVAL" },
  { id: "CW-SVC-DEPENDENCIES", scenario: "service-failure", topology: "clusterware", check: "start and stop dependencies held",
    text: "hard dependencies hold: a service never runs without its VIP and its shared data (VIP -> data -> service)", source: "Clusterware paper §Resource dependencies" },

  // network-failover: the controller holding Network_VIP dies.
  { id: "PRISMA-NET-VIP-MOVE", scenario: "network-failover", check: "Network_VIP moved to the other allowed controller",
    text: "Network_VIP moves to the other allowed network controller within {threshold}", metric: "networkVipMoveMs", thresholdMs: 30_000, source: PCMK },
  { id: "PRISMA-NET-VIP-UNIQUE", scenario: "network-failover", check: "Network_VIP never on two hosts or a forbidden one",
    text: "Network_VIP is never held by two hosts nor by controller-1", source: PCMK },
  { id: "PRISMA-NET-PLACEMENT", scenario: "network-failover", check: "g_network only on controller-2/3, never split",
    text: "g_network (Network_VIP and the Neutron agents) runs only on controller-2/3, all on one host", source: PCMK },
  { id: "PRISMA-NET-CTRL-UNTOUCHED", scenario: "network-failover", check: "Keystone outage within bound",
    text: "Keystone stays available (at most {threshold} of errors) while g_network fails over", metric: "keystoneOutageMs", thresholdMs: 30_000, source: PCMK },

  // quorum-loss: two of the three controllers are lost.
  { id: "PRISMA-QUORUM-STOP", scenario: "quorum-loss", check: "the controller without quorum stops its resources",
    text: "a controller left without quorum stops its resources (no-quorum-policy=stop) within {threshold}", metric: "quorumStopMs", thresholdMs: 30_000, source: PCMK },
  { id: "PRISMA-QUORUM-NO-SPLIT", scenario: "quorum-loss", check: "Controller_VIP never on two hosts or a forbidden one",
    text: "Controller_VIP is never held by two hosts, with or without quorum", source: PCMK },
  { id: "PRISMA-QUORUM-RECOVER", scenario: "quorum-loss", check: "resources return once quorum is back",
    text: "g_controller runs again within {threshold} of quorum coming back", metric: "quorumRecoveryMs", thresholdMs: 120_000, source: PCMK },
];
