import { renderIni } from "./ini-conf.ts";
import { dbUrl, GLANCE_DB, GLANCE_SERVICE_USER, KEYSTONE_ADMIN, RABBIT } from "./service-accounts.ts";
import { API_PORTS } from "../observe/keystone-endpoints.ts";

/** Where Glance keeps image data: the GlusterFS volume mount, shared by the controllers. */
export const GLANCE_IMAGES_DIR = "/var/lib/glance/images";

/** Inputs of {@link renderGlanceApiConf}. */
export interface GlanceConfInput {
  dbHost: string;
  /** Keystone base URL through Controller_VIP, e.g. http://10.0.0.100:5000 */
  keystoneBase: string;
  /** RabbitMQ hosts (the data hosts), port 5672. */
  rabbitHosts: readonly string[];
  workers: number;
  /** Send image notifications to RabbitMQ (oslo.messaging `messagingv2`); false: `noop`. */
  notifications: boolean;
}

/** `rabbit://openstack:pw@vm-1:5672,openstack:pw@vm-2:5672,.../` for oslo.messaging. Pure. */
export function rabbitTransportUrl(hosts: readonly string[]): string {
  if (hosts.length === 0) throw new Error("transport_url needs at least one RabbitMQ host");
  return `rabbit://${hosts.map((h) => `${RABBIT.user}:${RABBIT.password}@${h}:${RABBIT.port}`).join(",")}/`;
}

/** Renders /etc/glance/glance-api.conf (Zed): DB via DB VIP, keystone auth via Controller_VIP, file store. Pure. */
export function renderGlanceApiConf(c: GlanceConfInput): string {
  return renderIni({
    DEFAULT: {
      bind_host: "0.0.0.0",
      bind_port: API_PORTS.glance,
      workers: c.workers,
      transport_url: rabbitTransportUrl(c.rabbitHosts),
      log_dir: "/var/log/glance",
      enabled_backends: "fs:file",
    },
    database: { connection: dbUrl(GLANCE_DB, c.dbHost), connection_recycle_time: 60, max_retries: -1 },
    keystone_authtoken: {
      www_authenticate_uri: c.keystoneBase,
      auth_url: c.keystoneBase,
      auth_type: "password",
      project_domain_name: GLANCE_SERVICE_USER.domain,
      user_domain_name: GLANCE_SERVICE_USER.domain,
      project_name: GLANCE_SERVICE_USER.project,
      username: GLANCE_SERVICE_USER.username,
      password: GLANCE_SERVICE_USER.password,
      region_name: KEYSTONE_ADMIN.region,
    },
    paste_deploy: { flavor: "keystone" },
    glance_store: { default_backend: "fs" },
    fs: { filesystem_store_datadir: `${GLANCE_IMAGES_DIR}/` },
    // Reserved stores of the multi-store layout; node-local, used only by image import.
    os_glance_staging_store: { filesystem_store_datadir: "/var/lib/glance/staging/" },
    os_glance_tasks_store: { filesystem_store_datadir: "/var/lib/glance/tasks_work_dir/" },
    oslo_concurrency: { lock_path: "/var/lib/glance/lock" },
    oslo_messaging_notifications: { driver: c.notifications ? "messagingv2" : "noop" },
  });
}
