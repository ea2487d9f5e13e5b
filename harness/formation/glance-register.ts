import type { FormationContext } from "./context.ts";
import { issueToken, KeystoneAdmin } from "./keystone-api.ts";
import { GLANCE_SERVICE_USER, KEYSTONE_ADMIN, keystoneEndpoints } from "./keystone-endpoints.ts";

/**
 * Registers Glance in Keystone through Controller_VIP's REST API: project `service`, user
 * `glance` with the admin role on it, service `image`, public/internal/admin endpoints at
 * http://<controller VIP>:9292 in RegionOne. Idempotent.
 */
export async function registerGlance(ctx: FormationContext): Promise<void> {
  const ep = keystoneEndpoints(ctx);
  const ks = new KeystoneAdmin(ep.keystoneBase, await issueToken(ep.keystoneBase, KEYSTONE_ADMIN));
  const project = await ks.ensureProject(GLANCE_SERVICE_USER.project);
  const user = await ks.ensureUser(GLANCE_SERVICE_USER.username, GLANCE_SERVICE_USER.password);
  await ks.grant(project, user, "admin");
  const service = await ks.ensureService("glance", "image", "OpenStack Image");
  for (const iface of ["public", "internal", "admin"] as const) await ks.ensureEndpoint(service, iface, ep.image, KEYSTONE_ADMIN.region);
  ctx.log(`glance: registered in keystone (service image, endpoints ${ep.image})`);
}
