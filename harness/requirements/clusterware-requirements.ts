import * as F from "./bound-formulas.ts";
import { budget, derived, type Requirement } from "./requirement.ts";

const ACTIONS = "Clusterware paper §Action scripts, CHECK_INTERVAL and RESTART_ATTEMPTS";
const DEPS = "Clusterware paper §Resource dependencies";
const POOLS = "Clusterware paper §Server pools";
const VIPS = "Clusterware paper §One VIP per service";
const SHARED = "Clusterware paper §Service data on shared storage";
const CHAIN = "the chain started VIP -> data -> mysqld and stopped in reverse on every node";
const IN_POOL = "the mysql chain never ran outside controller_sp";
const ACKED = "every acknowledged write is still there";
const MYSQL_BACK = "MySQL writes came back";
const cw = { topology: "clusterware" } as const;
const PROBE_RESOLUTION = 'haproof\'s definition of "not interrupted", not a derived bound: the publisher runs 10 publishes/s, so a window over 1 s is ten missed periods';

/** controller-loss's requirement that VIP `v` moves to the standby; `id` kept literal so it is a RequirementId. */
function ctrlVip<I extends string>(id: I, v: string) {
  return {
    ...cw,
    id,
    scenario: "controller-loss",
    title: `${v} moved to the standby`,
    text: `${v} moves to the standby controller within {threshold}`,
    metric: `${v}MoveMs`,
    ...derived(F.CW_CONTROLLER_LOSS_VIP),
    source: VIPS,
  } satisfies Requirement;
}

/** Requirements of the clusterware scenarios (Oracle Clusterware semantics reproduced on Pacemaker/Corosync). */
export const CLUSTERWARE_REQUIREMENTS = [
  // restart-then-relocate: mysqld is killed again and again.
  {
    ...cw,
    id: "CW-RESTART-THEN-RELOCATE",
    scenario: "restart-then-relocate",
    title: "mysql restarted in place RESTART_ATTEMPTS times, then relocated",
    text: "a failing resource is restarted in place RESTART_ATTEMPTS times, then relocated to the other server of its pool",
    source: ACTIONS,
  },
  {
    ...cw,
    id: "CW-RELOCATE-VIP",
    scenario: "restart-then-relocate",
    title: "mysqlVIP moved with the chain to the standby",
    text: "mysqlVIP moves with the relocated chain to the standby within {threshold}",
    metric: "mysqlVipMoveMs",
    ...derived(F.CW_RELOCATION_VIP),
    source: VIPS,
  },
  { ...cw, id: "CW-RELOCATE-ORDER", scenario: "restart-then-relocate", title: CHAIN, text: "every start runs VIP -> data -> service and every stop the reverse, on every node", source: DEPS },
  { ...cw, id: "CW-RELOCATE-POOL", scenario: "restart-then-relocate", title: IN_POOL, text: "the MySQL chain runs only in controller_sp", source: POOLS },
  {
    ...cw,
    id: "CW-RELOCATE-ACKED",
    scenario: "restart-then-relocate",
    title: ACKED,
    text: "no acknowledged write is lost across the restarts and the relocation (data on shared storage)",
    source: SHARED,
  },
  { ...cw, id: "CW-RELOCATE-BACK", scenario: "restart-then-relocate", title: MYSQL_BACK, text: "MySQL writes through mysqlVIP succeed again", source: ACTIONS },

  // dependency-order: the shared data mount is taken away under mysqld.
  { ...cw, id: "CW-DEPS-ORDER", scenario: "dependency-order", title: CHAIN, text: "every start runs VIP -> data -> service and every stop the reverse, on every node", source: DEPS },
  {
    ...cw,
    id: "CW-DEPS-STOP",
    scenario: "dependency-order",
    title: "mysqld was stopped after its data went away",
    text: "a service whose data mount fails is stopped (hard stop dependency)",
    source: DEPS,
  },
  { ...cw, id: "CW-DEPS-POOL", scenario: "dependency-order", title: IN_POOL, text: "the MySQL chain runs only in controller_sp", source: POOLS },
  { ...cw, id: "CW-DEPS-ACKED", scenario: "dependency-order", title: ACKED, text: "no acknowledged write is lost when the data mount fails", source: SHARED },
  { ...cw, id: "CW-DEPS-BACK", scenario: "dependency-order", title: MYSQL_BACK, text: "MySQL writes through mysqlVIP succeed again", source: DEPS },

  // controller-loss: the active controller dies with every service chain on it.
  ctrlVip("CW-CTRL-MYSQL-VIP", "mysqlVIP"),
  ctrlVip("CW-CTRL-RABBITMQ-VIP", "rabbitmqVIP"),
  ctrlVip("CW-CTRL-KEYSTONE-VIP", "keystoneVIP"),
  ctrlVip("CW-CTRL-GLANCE-VIP", "glanceVIP"),
  {
    ...cw,
    id: "CW-CTRL-POOL",
    scenario: "controller-loss",
    title: "nothing of controller_sp ran outside ctr1/ctr2, nor twice",
    text: "no controller_sp resource runs outside ctr1/ctr2, nor on both at once",
    source: POOLS,
  },
  {
    ...cw,
    id: "CW-CTRL-TOKENS",
    scenario: "controller-loss",
    title: "tokens issued before still validate",
    text: "Keystone tokens issued before the failover still validate after it (keys identical on both controllers)",
    source: SHARED,
  },
  { ...cw, id: "CW-CTRL-IMAGES", scenario: "controller-loss", title: "images keep their checksum", text: "every Glance image download keeps its checksum (images on shared storage)", source: SHARED },
  { ...cw, id: "CW-CTRL-ACKED", scenario: "controller-loss", title: "no acknowledged write lost", text: "no acknowledged MySQL write is lost (data directory on shared storage)", source: SHARED },
  { ...cw, id: "CW-CTRL-CONFIRMED", scenario: "controller-loss", title: "no confirmed message lost", text: "no confirmed RabbitMQ message is lost (data directory on shared storage)", source: SHARED },
  { ...cw, id: "CW-CTRL-BACK", scenario: "controller-loss", title: "the services came back", text: "MySQL, RabbitMQ, Keystone and Glance answer again on their VIPs", source: ACTIONS },

  // network-pool: the node running the Neutron agent stand-ins dies.
  {
    ...cw,
    id: "CW-NET-POOL",
    scenario: "network-pool",
    title: "the agents never ran outside network_sp, nor twice",
    text: "the Neutron agent stand-ins run only in network_sp, each on one node",
    source: POOLS,
  },
  {
    ...cw,
    id: "CW-NET-MOVED",
    scenario: "network-pool",
    title: "the agents moved to the other network_sp node",
    text: "the Neutron agent stand-ins run on the other network_sp node within {threshold}",
    metric: "relocationMs",
    ...derived(F.CW_NETWORK_POOL),
    source: POOLS,
  },

  // independent-vips: MySQL relocates; RabbitMQ, on its own VIP, must not notice.
  {
    ...cw,
    id: "CW-INDEP-MYSQL-MOVED",
    scenario: "independent-vips",
    title: "mysqlVIP relocated",
    text: "mysqlVIP relocates with MySQL within {threshold}",
    metric: "mysqlVipMoveMs",
    ...derived(F.CW_RELOCATION_VIP),
    source: VIPS,
  },
  { ...cw, id: "CW-INDEP-MQ-STAYED", scenario: "independent-vips", title: "RabbitMQ's VIP did not move", text: "rabbitmqVIP stays where it was while MySQL relocates", source: VIPS },
  {
    ...cw,
    id: "CW-INDEP-MQ-UP",
    scenario: "independent-vips",
    title: "RabbitMQ publishing not interrupted (outage within probe resolution)",
    text: "publishing through rabbitmqVIP is unavailable for at most {threshold} (the probe's resolution) while MySQL relocates",
    metric: "rabbitmqOutageMs",
    ...budget(1_000, PROBE_RESOLUTION),
    source: VIPS,
  },
  { ...cw, id: "CW-INDEP-CONFIRMED", scenario: "independent-vips", title: "no confirmed message lost", text: "no confirmed RabbitMQ message is lost while MySQL relocates", source: VIPS },
] as const satisfies readonly Requirement[];
