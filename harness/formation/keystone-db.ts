import type { Host } from "../transport/host.ts";
import { DB_ROOT } from "./service-accounts.ts";

/** SQL that creates database `db.name` and its user with all rights on it. Pure, idempotent SQL. */
export function serviceDatabaseSql(db: { name: string; user: string; password: string }): string {
  for (const v of [db.name, db.user, db.password]) if (!/^[A-Za-z0-9_-]+$/.test(v)) throw new Error(`unsafe SQL identifier or password: ${v}`);
  return [
    `CREATE DATABASE IF NOT EXISTS \`${db.name}\`;`,
    `CREATE USER IF NOT EXISTS '${db.user}'@'%' IDENTIFIED BY '${db.password}';`,
    `ALTER USER '${db.user}'@'%' IDENTIFIED BY '${db.password}';`,
    `GRANT ALL PRIVILEGES ON \`${db.name}\`.* TO '${db.user}'@'%';`,
  ].join(" ");
}

/** Creates a service's database and user through the DB VIP, as root, with the mysql client on `host`. Idempotent. */
export async function ensureServiceDatabase(host: Host, dbHost: string, db: { name: string; user: string; password: string }): Promise<void> {
  await host.exec(["env", `MYSQL_PWD=${DB_ROOT.password}`, "mysql", "-h", dbHost, "-u", DB_ROOT.user, "--connect-timeout=10", "-e", serviceDatabaseSql(db)], {
    timeoutMs: 60_000,
  });
}
