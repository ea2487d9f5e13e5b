import type { FormationContext } from "./context.ts";
import { issueToken, KeystoneAdmin } from "./keystone-api.ts";
import { GLANCE_SERVICE_USER, KEYSTONE_ADMIN } from "./service-accounts.ts";
import { keystoneEndpoints, type KeystoneEndpoints } from "../observe/keystone-endpoints.ts";

/**
 * Registers Glance in Keystone through its REST API at `ep.keystoneBase`: project `service`, user
 * `glance` with the admin role on it, service `image`, public/internal/admin endpoints at
 * `ep.image` in RegionOne. Idempotent. `ep` defaults to PRISMA's (both behind Controller_VIP);
 * the clusterware kind passes its own (keystoneVIP, glanceVIP).
 */
export async function registerGlance(ctx: Pick<FormationContext, "log" | "vipAddress">, ep: Pick<KeystoneEndpoints, "keystoneBase" | "image"> = keystoneEndpoints(ctx)): Promise<void> {
  const ks = new KeystoneAdmin(ep.keystoneBase, await issueToken(ep.keystoneBase, KEYSTONE_ADMIN));
  const project = await ks.ensureProject(GLANCE_SERVICE_USER.project);
  const user = await ks.ensureUser(GLANCE_SERVICE_USER.username, GLANCE_SERVICE_USER.password);
  await ks.grant(project, user, "admin");
  const service = await ks.ensureService("glance", "image", "OpenStack Image");
  for (const iface of ["public", "internal", "admin"] as const) await ks.ensureEndpoint(service, iface, ep.image, KEYSTONE_ADMIN.region);
  ctx.log(`glance: registered in keystone (service image, endpoints ${ep.image})`);
}
