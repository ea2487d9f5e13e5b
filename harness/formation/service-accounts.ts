import { GALERA_ACCOUNTS } from "./galera-sql.ts";
import { RABBIT_ACCOUNT } from "./rabbitmq-conf.ts";

/** Root account on the DB VIP, granted root@'%' by the data-plane formation (pinned in galera-sql.ts). */
export const DB_ROOT = GALERA_ACCOUNTS.root;

/** RabbitMQ account created by the data-plane formation (pinned in rabbitmq-conf.ts), with its port. */
export const RABBIT = { ...RABBIT_ACCOUNT, port: 5672 } as const;

/** Keystone's own database account. */
export const KEYSTONE_DB = { name: "keystone", user: "keystone", password: "haproof-keystone-db" } as const;

/** Glance's database account. */
export const GLANCE_DB = { name: "glance", user: "glance", password: "haproof-glance-db" } as const;

/** The admin identity `keystone-manage bootstrap` creates (project admin, domain Default). */
export const KEYSTONE_ADMIN = {
  username: "admin",
  password: "haproof-admin",
  project: "admin",
  domain: "Default",
  region: "RegionOne",
} as const;

/** Glance's service user (admin role on project `service`), used by its keystone_authtoken. */
export const GLANCE_SERVICE_USER = { username: "glance", password: "haproof-glance", project: "service", domain: "Default" } as const;

/** `mysql+pymysql://user:pw@host/db` for an oslo.db `[database] connection`. Pure. */
export function dbUrl(db: { name: string; user: string; password: string }, host: string): string {
  return `mysql+pymysql://${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}@${host}/${db.name}`;
}
