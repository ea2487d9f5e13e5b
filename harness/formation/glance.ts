import type { Host } from "../transport/host.ts";
import { waitFor } from "../wait/wait-for.ts";
import type { FormationContext } from "./context.ts";
import { GLANCE_IMAGES_DIR, renderGlanceApiConf } from "./glance-conf.ts";
import { registerGlance } from "./glance-register.ts";
import { apiRequest } from "./keystone-api.ts";
import { mountGluster } from "./gluster-mount.ts";
import { ensureServiceDatabase } from "./keystone-db.ts";
import { GLANCE_DB } from "./service-accounts.ts";
import { keystoneEndpoints } from "../observe/keystone-endpoints.ts";
import { controllers, waitForPlacement } from "./pacemaker.ts";
import { applyGroup, groupSpec } from "./pacemaker-resources.ts";

/** Options of {@link formGlance}. */
export interface GlanceOptions {
  /** Send image notifications to RabbitMQ (default true, as configured in the guide). */
  notifications?: boolean;
  /** Mounts the image store; default: the GlusterFS volume (`mountGluster`). Dev runs may pass a no-op. */
  mountImages?: (ctx: FormationContext, host: Host, mountpoint: string) => Promise<void>;
}

/**
 * Installs Glance API on every controller (needs formKeystone, the DB VIP, the GlusterFS volume):
 * mounts the image store, database and user via the DB VIP, glance-api.conf, db_sync once,
 * registration in Keystone, then adds `glance` to g_controller and waits until
 * GET http://<controller VIP>:9292/versions answers 200. Idempotent.
 */
export async function formGlance(ctx: FormationContext, opts: GlanceOptions = {}): Promise<void> {
  const hosts = controllers(ctx);
  const first = hosts[0]!;
  const ep = keystoneEndpoints(ctx);
  const t0 = performance.now();
  const since = () => `${Math.round(performance.now() - t0)} ms`;
  const mount = opts.mountImages ?? mountGluster;

  // Step: the image store is the replicated GlusterFS volume, mounted on every controller.
  for (const h of hosts) {
    await mount(ctx, h, GLANCE_IMAGES_DIR);
    await h.exec(`chown glance:glance ${GLANCE_IMAGES_DIR} && install -d -o glance -g glance /var/lib/glance/staging /var/lib/glance/tasks_work_dir /var/lib/glance/lock /var/log/glance`);
  }
  ctx.log(`glance: image store mounted at ${GLANCE_IMAGES_DIR} after ${since()}`);

  await ensureServiceDatabase(first, ep.dbHost, GLANCE_DB);
  const conf = renderGlanceApiConf({
    dbHost: ep.dbHost,
    keystoneBase: ep.keystoneBase,
    rabbitHosts: ctx.topology.hosts.filter((h) => h.role === "datahost").map((h) => h.name),
    workers: ctx.topology.tunables.glanceWorkers,
    notifications: opts.notifications ?? true,
  });
  await Promise.all(
    hosts.map(async (h) => {
      await h.writeFile("/etc/glance/glance-api.conf", conf, 0o640);
      await h.exec("chown root:glance /etc/glance/glance-api.conf");
    }),
  );
  await first.exec(["runuser", "-u", "glance", "--", "glance-manage", "db_sync"], { timeoutMs: 600_000 });
  ctx.log(`glance: db_sync done on ${first.name} after ${since()}`);

  await registerGlance(ctx);
  const g = groupSpec(ctx, "g_controller");
  await applyGroup(ctx, first, g.name, "glance");
  const placed = await waitForPlacement(first, { glance: g.allowed });
  await waitFor("glance answers through Controller_VIP", async () => (await apiRequest(`GET ${ep.image}/versions`, { url: `${ep.image}/versions`, timeout: 5000 })).status === 200, {
    timeoutMs: 60_000,
    intervalMs: 1000,
  });
  ctx.log(`glance: serving at ${ep.image} on ${placed.placement.glance} after ${since()}`);
}
