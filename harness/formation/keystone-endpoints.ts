import { GALERA_ACCOUNTS } from "./galera-sql.ts";
import { RABBIT_ACCOUNT } from "./rabbitmq-conf.ts";
import type { FormationContext } from "./context.ts";

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

/** Ports of the controller APIs. */
export const API_PORTS = { keystone: 5000, glance: 9292 } as const;

/** The URLs clients and services use; everything goes through Controller_VIP. Pure given ctx. */
export interface KeystoneEndpoints {
  /** e.g. http://10.0.0.100:5000/v3/ (the catalog URL, also used for authentication). */
  identity: string;
  /** Base without path, e.g. http://10.0.0.100:5000. */
  keystoneBase: string;
  /** e.g. http://10.0.0.100:9292 (image service catalog URL). */
  image: string;
  /** The DB VIP address (HAProxy on the load balancers). */
  dbHost: string;
}

/** Computes the {@link KeystoneEndpoints} of a topology from its VIP addresses. Pure. */
export function keystoneEndpoints(ctx: Pick<FormationContext, "vipAddress">): KeystoneEndpoints {
  const vip = ctx.vipAddress("controller");
  return {
    identity: `http://${vip}:${API_PORTS.keystone}/v3/`,
    keystoneBase: `http://${vip}:${API_PORTS.keystone}`,
    image: `http://${vip}:${API_PORTS.glance}`,
    dbHost: ctx.vipAddress("db"),
  };
}

/** `mysql+pymysql://user:pw@host/db` for an oslo.db `[database] connection`. Pure. */
export function dbUrl(db: { name: string; user: string; password: string }, host: string): string {
  return `mysql+pymysql://${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}@${host}/${db.name}`;
}
