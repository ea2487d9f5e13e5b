/** Accounts formation creates on Galera; pinned here, the one place the harness reads them from. */
export const GALERA_ACCOUNTS = {
  /** `root`@'%': the controller helper creates the keystone/glance databases through the DB VIP with it. */
  root: { user: "root", password: "haproof-root" },
  /** The harness's probes: all privileges on `haproof.*` only. */
  probe: { user: "haproof", password: "haproof-probe", database: "haproof" },
} as const;

/** SQL run once on the bootstrapped node (Galera replicates it); idempotent. */
export function accountsSql(): string {
  const { root, probe } = GALERA_ACCOUNTS;
  return [
    `CREATE USER IF NOT EXISTS '${root.user}'@'%' IDENTIFIED BY '${root.password}';`,
    `GRANT ALL PRIVILEGES ON *.* TO '${root.user}'@'%' WITH GRANT OPTION;`,
    `CREATE DATABASE IF NOT EXISTS \`${probe.database}\`;`,
    `CREATE USER IF NOT EXISTS '${probe.user}'@'%' IDENTIFIED BY '${probe.password}';`,
    `GRANT ALL PRIVILEGES ON \`${probe.database}\`.* TO '${probe.user}'@'%';`,
    "FLUSH PRIVILEGES;",
  ].join("\n");
}
