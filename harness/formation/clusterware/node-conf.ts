import { keystoneUwsgiArgs } from "../keystone-conf.ts";

/** Host-name alias of the RabbitMQ VIP; RabbitMQ's node name follows the VIP so its data follows it too. */
export const RABBIT_ALIAS = "rabbitmq-vip";
/** The Erlang cookie every controller shares (rabbitmqctl and the broker must agree on both nodes). */
export const ERLANG_COOKIE = "HAPROOFCLUSTERWARECOOKIE";

/**
 * /etc/haproof/cw.env, sourced by every action script: per-site settings. RABBITMQ_VIP_IP lets
 * rabbitmq's start re-add the alias to /etc/hosts, which Docker rewrites on every container start. Pure.
 */
export function renderCwEnv(keystoneProcesses: number, rabbitVipIp: string): string {
  return [
    "# Written by haproof formation: settings of the action scripts.",
    `RABBITMQ_NODENAME=rabbit@${RABBIT_ALIAS}`,
    `RABBITMQ_VIP_ALIAS=${RABBIT_ALIAS}`,
    `RABBITMQ_VIP_IP=${rabbitVipIp}`,
    `KEYSTONE_UWSGI_ARGS="${keystoneUwsgiArgs(keystoneProcesses)}"`,
    "",
  ].join("\n");
}

/**
 * /etc/haproof/cw-my.cnf for the single MariaDB. Its datadir is on GlusterFS FUSE: no O_DIRECT
 * (fsync flush method) and no native AIO, which FUSE does not offer. Pure.
 */
export function renderMyCnf(): string {
  return [
    "[mysqld]",
    "bind-address = 0.0.0.0",
    "port = 3306",
    "socket = /run/mysqld/mysqld.sock",
    "pid-file = /run/mysqld/mysqld.pid",
    "skip-name-resolve",
    "innodb_flush_method = fsync",
    "innodb_use_native_aio = 0",
    "innodb_buffer_pool_size = 64M",
    "max_connections = 300",
    "log-error = /var/log/haproof/mysqld.err",
    "",
  ].join("\n");
}
