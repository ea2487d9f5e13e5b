import type { Host } from "../transport/host.ts";
import { waitFor } from "../wait/wait-for.ts";
import type { FormationContext } from "./context.ts";
import { issueToken } from "./keystone-api.ts";
import { renderKeystoneConf } from "./keystone-conf.ts";
import { ensureServiceDatabase } from "./keystone-db.ts";
import { KEYSTONE_ADMIN, KEYSTONE_DB } from "./service-accounts.ts";
import { keystoneEndpoints } from "../observe/keystone-endpoints.ts";
import { keystoneKeysDigest, setupKeystoneKeys, syncKeystoneKeys } from "./keystone-keys.ts";
import { controllers, waitForPlacement } from "./pacemaker.ts";
import { mutated } from "../../topologies/mutations.ts";
import { applyGroup, groupSpec } from "./pacemaker-resources.ts";

/** Runs a command as the keystone user (files it creates, e.g. logs, must stay keystone's). */
const asKeystone = (h: Host, argv: string[], timeoutMs: number) => h.exec(["runuser", "-u", "keystone", "--", ...argv], { timeoutMs });

/** `keystone-manage bootstrap` argv: admin user/project/role, RegionOne, identity URLs at the VIP. Pure. */
export function bootstrapArgv(identityUrl: string): string[] {
  return [
    "keystone-manage",
    "bootstrap",
    "--bootstrap-password",
    KEYSTONE_ADMIN.password,
    "--bootstrap-username",
    KEYSTONE_ADMIN.username,
    "--bootstrap-project-name",
    KEYSTONE_ADMIN.project,
    "--bootstrap-role-name",
    "admin",
    "--bootstrap-service-name",
    "keystone",
    "--bootstrap-region-id",
    KEYSTONE_ADMIN.region,
    "--bootstrap-admin-url",
    identityUrl,
    "--bootstrap-internal-url",
    identityUrl,
    "--bootstrap-public-url",
    identityUrl,
  ];
}

/**
 * Installs Keystone on every controller (needs formPacemaker and the DB VIP): database and user
 * through the DB VIP, keystone.conf, db_sync once, Fernet and credential keys made on the first
 * controller and copied to the others, bootstrap (admin, RegionOne, URLs at Controller_VIP), then
 * adds `keystone` to g_controller and waits until a token is issued through the VIP. Idempotent.
 */
export async function formKeystone(ctx: FormationContext): Promise<void> {
  const hosts = controllers(ctx);
  const [first, ...others] = hosts as [Host, ...Host[]];
  const ep = keystoneEndpoints(ctx);
  const t0 = performance.now();
  const since = () => `${Math.round(performance.now() - t0)} ms`;

  await ensureServiceDatabase(first, ep.dbHost, KEYSTONE_DB);
  const conf = renderKeystoneConf(ep.dbHost, ctx.topology.tunables.keystonePasswordHashRounds);
  await Promise.all(
    hosts.map(async (h) => {
      await h.writeFile("/etc/keystone/keystone.conf", conf, 0o640);
      await h.exec("chown root:keystone /etc/keystone/keystone.conf && install -d -o keystone -g keystone /var/log/keystone");
    }),
  );
  await asKeystone(first, ["keystone-manage", "db_sync"], 600_000);
  ctx.log(`keystone: db_sync done on ${first.name} after ${since()}`);
  const unsynced = mutated(ctx.topology, "keystone-keys-unsynced");
  if (unsynced) await Promise.all(hosts.map(setupKeystoneKeys));
  else {
    await setupKeystoneKeys(first);
    await syncKeystoneKeys(first, others);
  }
  const digests = await Promise.all(hosts.map(keystoneKeysDigest));
  // Synced keys are identical everywhere; the mutation's own keys must all differ, or it proves nothing.
  if (new Set(digests).size !== (unsynced ? hosts.length : 1))
    throw new Error(`keystone keys on ${hosts.map((h) => h.name).join(", ")}: ${new Set(digests).size} distinct sets, expected ${unsynced ? hosts.length : 1}`);
  await asKeystone(first, bootstrapArgv(ep.identity), 300_000);
  ctx.log(`keystone: ${unsynced ? "each controller made its own keys (mutation keystone-keys-unsynced)" : `keys synced to ${others.map((h) => h.name).join(", ")}`}, bootstrap done after ${since()}`);

  const g = groupSpec(ctx, "g_controller");
  await applyGroup(ctx, first, g.name, "keystone");
  const placed = await waitForPlacement(first, { keystone: g.allowed });
  await waitFor("keystone issues a token through Controller_VIP", () => issueToken(ep.keystoneBase, KEYSTONE_ADMIN), { timeoutMs: 60_000, intervalMs: 1000 });
  ctx.log(`keystone: serving at ${ep.identity} on ${placed.placement.keystone} after ${since()}`);
}
