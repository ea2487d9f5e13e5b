import type { ClusterwareTopology } from "./clusterware-schema.ts";

/**
 * The Oracle OpenStack HA white paper (2014), active/passive under Oracle Clusterware. Clusterware
 * is proprietary and cannot run here: its documented semantics (server pools, one VIP per service,
 * action scripts, hard VIP -> data -> service dependencies, CHECK_INTERVAL, RESTART_ATTEMPTS) are
 * reproduced on Pacemaker/Corosync. Four cluster nodes: controller_sp = {ctr1, ctr2} runs MySQL,
 * RabbitMQ, Keystone and Glance (active on ctr1); network_sp = {ctr3, ctr4} runs the Neutron agent
 * stand-ins (on ctr3). Shared storage: a replica-2 GlusterFS volume on storage-1/2. Pure data.
 */
export const clusterware: ClusterwareTopology = {
  kind: "clusterware",
  name: "clusterware",
  description: "Oracle Clusterware active/passive, reproduced on Pacemaker/Corosync: 4 nodes in 2 server pools, per-service VIPs, GlusterFS shared storage x2",
  prefixLength: 24,
  hosts: [
    { name: "ctr1", role: "cwnode" },
    { name: "ctr2", role: "cwnode" },
    { name: "ctr3", role: "cwnode" },
    { name: "ctr4", role: "cwnode" },
    { name: "storage-1", role: "gluster" },
    { name: "storage-2", role: "gluster" },
  ],
  vips: [
    { name: "mysqlVIP", manager: "pacemaker", allowed: ["ctr1", "ctr2"], ports: { mysql: 3306 } },
    { name: "rabbitmqVIP", manager: "pacemaker", allowed: ["ctr1", "ctr2"], ports: { amqp: 5672 } },
    { name: "keystoneVIP", manager: "pacemaker", allowed: ["ctr1", "ctr2"], ports: { keystone: 5000 } },
    { name: "glanceVIP", manager: "pacemaker", allowed: ["ctr1", "ctr2"], ports: { glance: 9292 } },
  ],
  gluster: { volume: "cwshared", replica: 2 },
  pools: [
    { name: "controller_sp", nodes: ["ctr1", "ctr2"] },
    { name: "network_sp", nodes: ["ctr3", "ctr4"] },
  ],
  chains: [
    { service: "mysql", pool: "controller_sp", vip: "mysqlVIP", dataMount: "/srv/mysql" },
    { service: "rabbitmq", pool: "controller_sp", vip: "rabbitmqVIP", dataMount: "/srv/rabbitmq" },
    { service: "keystone", pool: "controller_sp", vip: "keystoneVIP" },
    { service: "glance", pool: "controller_sp", vip: "glanceVIP", dataMount: "/var/lib/glance/images" },
  ],
  // Stand-ins: ocf:heartbeat:Dummy resources named after the agents (named as such in every report).
  networkAgents: { pool: "network_sp", agents: ["neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"] },
  tunables: {
    // The paper: CHECK_INTERVAL=30 s, RESTART_ATTEMPTS=2. Scaled for tests: 3 s, 2.
    checkIntervalS: 3,
    restartAttempts: 2,
    failureTimeoutS: 600,
    corosyncTokenMs: 3000,
    monitorTimeoutS: 20,
    startTimeoutS: 180,
    keystoneProcesses: 2,
    keystonePasswordHashRounds: 4,
    glanceWorkers: 1,
  },
  mutations: [],
};
