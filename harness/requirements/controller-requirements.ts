import * as F from "./bound-formulas.ts";
import { derived, type Requirement } from "./requirement.ts";

const PCMK = "PRISMA guide §Pacemaker cluster of the controllers";
const KS = "PRISMA guide §Keystone behind Controller_VIP";
const GL = "PRISMA guide §Glance on GlusterFS";

/** Requirements of the controller scenarios (node-loss, service-failure, network-failover, quorum-loss). */
export const CONTROLLER_REQUIREMENTS = [
  // node-loss: the controller holding Controller_VIP dies.
  { id: "PRISMA-CTRL-VIP-MOVE", scenario: "node-loss", title: "Controller_VIP moved to the other allowed controller",
    text: "Controller_VIP moves to the other allowed controller within {threshold}", metric: "controllerVipMoveMs", ...derived(F.PCMK_VIP_AFTER_NODE_LOSS), source: PCMK },
  { id: "PRISMA-CTRL-VIP-UNIQUE", scenario: "node-loss", title: "Controller_VIP never on two hosts or a forbidden one",
    text: "Controller_VIP is never held by two hosts nor by controller-3, and no holder for at most {threshold}", ...derived(F.PCMK_VIP_AFTER_NODE_LOSS), source: PCMK },
  { id: "PRISMA-CTRL-PLACEMENT", scenario: "node-loss", title: "g_controller only on controller-1/2, never split",
    text: "g_controller runs only on controller-1/2, all its resources on one host", source: PCMK },
  { id: "PRISMA-CTRL-TOKENS", scenario: "node-loss", title: "tokens issued before the fault still validate",
    text: "Keystone tokens issued before the failover still validate after it (shared Fernet keys)", source: KS },
  { id: "PRISMA-CTRL-IMAGES", scenario: "node-loss", title: "Glance downloads keep the original checksum",
    text: "every Glance image download keeps the checksum of the uploaded image", source: GL },
  { id: "PRISMA-CTRL-KEYSTONE-OUTAGE", scenario: "node-loss", title: "Keystone outage within bound",
    text: "Keystone through Controller_VIP is unavailable for at most {threshold}", metric: "keystoneOutageMs", ...derived(F.KEYSTONE_AFTER_NODE_LOSS), source: KS },
  { id: "PRISMA-CTRL-GLANCE-OUTAGE", scenario: "node-loss", title: "Glance outage within bound",
    text: "Glance through Controller_VIP is unavailable for at most {threshold}", metric: "glanceOutageMs", ...derived(F.GLANCE_AFTER_NODE_LOSS), source: GL },
  { id: "PRISMA-CTRL-REJOIN", scenario: "node-loss", title: "the killed controller rejoins the cluster",
    text: "the killed controller is online in the cluster again within {threshold} of coming back", metric: "controllerRejoinMs", ...derived(F.CONTROLLER_REJOIN), source: PCMK },

  // service-failure: the Keystone process dies on the active controller.
  { id: "PRISMA-SVC-RESTART", scenario: "service-failure", title: "Keystone restarted by Pacemaker within bound",
    text: "Pacemaker's monitor notices the dead Keystone and restarts it: Keystone is unavailable for at most {threshold}",
    metric: "keystoneOutageMs", ...derived(F.KEYSTONE_RESTART_IN_PLACE), source: PCMK },
  { id: "PRISMA-SVC-GLANCE-BACK", scenario: "service-failure", title: "Glance comes back (restarted after Keystone as a later g_controller member)",
    text: "Glance, ordered after Keystone in g_controller and so restarted with it, answers again", source: PCMK },
  { id: "PRISMA-SVC-IN-PLACE", scenario: "service-failure", title: "g_controller stayed on the active controller (restart in place)",
    text: "one service failure is recovered in place: g_controller stays on its controller", source: PCMK },
  { id: "PRISMA-SVC-VIP-STAYS", scenario: "service-failure", title: "Controller_VIP did not move",
    text: "Controller_VIP stays on its controller while Keystone restarts", source: PCMK },

  // network-failover: the controller holding Network_VIP dies.
  { id: "PRISMA-NET-VIP-MOVE", scenario: "network-failover", title: "Network_VIP moved to the other allowed controller",
    text: "Network_VIP moves to the other allowed network controller within {threshold}", metric: "networkVipMoveMs", ...derived(F.PCMK_VIP_AFTER_NODE_LOSS), source: PCMK },
  { id: "PRISMA-NET-CTRL-VIP-MOVE", scenario: "network-failover", title: "Controller_VIP moved with g_controller to the other allowed controller",
    text: "when the killed controller also held g_controller, Controller_VIP moves with it to the other allowed controller", source: PCMK,
    conditional: "reported only when the killed controller also held g_controller" },
  { id: "PRISMA-NET-VIP-UNIQUE", scenario: "network-failover", title: "Network_VIP never on two hosts, never on controller-1",
    text: "Network_VIP is never held by two hosts nor by controller-1", source: PCMK },
  { id: "PRISMA-NET-PLACEMENT", scenario: "network-failover", title: "g_network (Network_VIP + Neutron agent stand-ins) only on controller-2/3, never split",
    text: "g_network (Network_VIP and the Neutron agent stand-ins) runs only on controller-2/3, all on one host", source: PCMK },
  { id: "PRISMA-NET-CTRL-PLACEMENT", scenario: "network-failover", title: "g_controller only on controller-1/2, never split",
    text: "g_controller stays within controller-1/2 while g_network fails over", source: PCMK },
  { id: "PRISMA-NET-CTRL-VIP-UNIQUE", scenario: "network-failover", title: "Controller_VIP never on two hosts or a forbidden one",
    text: "Controller_VIP is never held by two hosts nor by controller-3 while g_network fails over", source: PCMK },
  { id: "PRISMA-NET-KEYSTONE", scenario: "network-failover", title: "Keystone outage within bound",
    text: "Keystone is unavailable for at most {threshold} (the killed node may also have held Controller_VIP)",
    metric: "keystoneOutageMs", ...derived(F.KEYSTONE_AFTER_NODE_LOSS), source: KS },
  { id: "PRISMA-NET-REJOIN", scenario: "network-failover", title: "the killed controller rejoins the cluster",
    text: "the killed controller is online in the cluster again within {threshold} of coming back", metric: "rejoinMs", ...derived(F.CONTROLLER_REJOIN), source: PCMK },

  // quorum-loss: two of the three controllers are lost.
  { id: "PRISMA-QUORUM-STOP", scenario: "quorum-loss", title: "no quorum, no service: the survivor stops both groups and holds no VIP",
    text: "a controller left without quorum stops its resources and holds no VIP (no-quorum-policy=stop) within {threshold}",
    metric: "stopAfterQuorumLossMs", ...derived(F.QUORUM_STOP), source: PCMK },
  { id: "PRISMA-QUORUM-CTRL-VIP", scenario: "quorum-loss", title: "Controller_VIP never on two hosts or a forbidden one",
    text: "Controller_VIP is never held by two hosts, with or without quorum", source: PCMK },
  { id: "PRISMA-QUORUM-NET-VIP", scenario: "quorum-loss", title: "Network_VIP never on two hosts or a forbidden one",
    text: "Network_VIP is never held by two hosts, with or without quorum", source: PCMK },
  { id: "PRISMA-QUORUM-CTRL-PLACEMENT", scenario: "quorum-loss", title: "g_controller only on controller-1/controller-2, never split",
    text: "g_controller runs only on controller-1/2, all on one host", source: PCMK },
  { id: "PRISMA-QUORUM-NET-PLACEMENT", scenario: "quorum-loss", title: "g_network only on controller-2/controller-3, never split",
    text: "g_network runs only on controller-2/3, all on one host", source: PCMK },
  { id: "PRISMA-QUORUM-RECOVER", scenario: "quorum-loss", title: "both groups run again after the heal",
    text: "g_controller and g_network run again within {threshold} of quorum coming back", metric: "recoveryMs", ...derived(F.QUORUM_RECOVER), source: PCMK },
  { id: "PRISMA-QUORUM-KEYSTONE", scenario: "quorum-loss", title: "Keystone answers again after the heal",
    text: "Keystone answers through Controller_VIP again once quorum is back", source: KS },
] as const satisfies readonly Requirement[];
