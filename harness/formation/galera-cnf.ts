/** Inputs of {@link renderGaleraCnf}. */
export interface GaleraCnfInput {
  clusterName: string;
  nodeName: string;
  nodeIp: string;
  /** Addresses of every cluster member, this node included, in topology order. */
  memberIps: readonly string[];
}

/** Path the rendered file is written to; it sorts after Debian's 50-server.cnf, so it wins. */
export const GALERA_CNF_PATH = "/etc/mysql/mariadb.conf.d/60-galera.cnf";

/** Renders the Galera server config of one node (the PRISMA guide's settings); pure. */
export function renderGaleraCnf(i: GaleraCnfInput): string {
  if (i.memberIps.length === 0) throw new Error("galera.cnf needs at least one member");
  return [
    "# Written by haproof formation (galera). The PRISMA HA guide's Galera settings.",
    "[mysqld]",
    "bind-address = 0.0.0.0",
    "binlog_format = ROW",
    "default_storage_engine = InnoDB",
    "innodb_autoinc_lock_mode = 2",
    "character-set-server = utf8",
    "collation-server = utf8_general_ci",
    "init-connect = 'SET NAMES utf8'",
    "",
    "wsrep_on = ON",
    "wsrep_provider = /usr/lib/galera/libgalera_smm.so",
    `wsrep_cluster_name = "${i.clusterName}"`,
    `wsrep_cluster_address = "gcomm://${i.memberIps.join(",")}"`,
    `wsrep_node_name = "${i.nodeName}"`,
    `wsrep_node_address = "${i.nodeIp}"`,
    "wsrep_sst_method = rsync",
    "wsrep_slave_threads = 2",
    // A container has no syslog: Debian's 50-mysqld_safe.cnf would send the error log there, unread.
    "log-error = /var/log/mysql/error.log",
    "",
    "[mysqld_safe]",
    "skip-syslog",
    "log-error = /var/log/mysql/error.log",
    "",
  ].join("\n");
}
