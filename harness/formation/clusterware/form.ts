import type { ClusterwareTopology } from "../../../topologies/clusterware-schema.ts";
import type { Host } from "../../transport/host.ts";
import { waitFor } from "../../wait/wait-for.ts";
import type { FormationContext } from "../context.ts";
import { renderCorosyncConf } from "../corosync-conf.ts";
import { accountsSql } from "../galera-sql.ts";
import { renderGlanceApiConf } from "../glance-conf.ts";
import { formGluster } from "../gluster.ts";
import { apiRequest, issueToken } from "../keystone-api.ts";
import { bootstrapArgv } from "../keystone.ts";
import { renderKeystoneConf } from "../keystone-conf.ts";
import { ensureServiceDatabase } from "../keystone-db.ts";
import { GLANCE_DB, KEYSTONE_ADMIN, KEYSTONE_DB } from "../service-accounts.ts";
import { registerGlance } from "../glance-register.ts";
import { keystoneKeysDigest, setupKeystoneKeys, syncKeystoneKeys } from "../keystone-keys.ts";
import { CLUSTER_BOOT_SCRIPT, CLUSTER_STOP_SCRIPT, renderClusterBootScript, renderClusterStopScript } from "../pacemaker-boot.ts";
import { waitForMembers, waitForPlacement } from "../pacemaker.ts";
import { upsertCib } from "../pacemaker-resources.ts";
import { pacemakerStatus } from "../../observe/pacemaker-status.ts";
import { RABBIT_ACCOUNT } from "../rabbitmq-conf.ts";
import { clusterwareCib, type ClusterwareCib } from "./cib.ts";
import { clusterwareEndpoints } from "../../observe/clusterware-endpoints.ts";
import { ERLANG_COOKIE, RABBIT_ALIAS, renderCwEnv, renderMyCnf } from "./node-conf.ts";

type Ctx = FormationContext<ClusterwareTopology>;

/** The cluster nodes (role cwnode), in topology order. */
export const cwNodes = (ctx: Pick<Ctx, "hostsOf">): Host[] => ctx.hostsOf("cwnode");

/** The nodes of pool `name`, in pool order (preferred first). */
export function poolHosts(ctx: Ctx, name: string): Host[] {
  return (ctx.topology.pools.find((p) => p.name === name)?.nodes ?? []).map((n) => ctx.host(n));
}

async function startCluster(ctx: Ctx, cib: ClusterwareCib): Promise<void> {
  const nodes = cwNodes(ctx);
  const conf = renderCorosyncConf({ clusterName: ctx.topology.name, nodes: nodes.map((h, i) => ({ name: h.name, ip: h.ip, nodeid: i + 1 })), tokenMs: ctx.topology.tunables.corosyncTokenMs });
  await Promise.all(
    nodes.map(async (h) => {
      await h.writeFile("/etc/corosync/corosync.conf", conf, 0o644);
      await h.writeFile(CLUSTER_BOOT_SCRIPT, renderClusterBootScript(), 0o755);
      await h.writeFile(CLUSTER_STOP_SCRIPT, renderClusterStopScript(), 0o755);
      await h.exec([CLUSTER_BOOT_SCRIPT], { timeoutMs: 90_000 });
    }),
  );
  await waitForMembers(
    nodes[0]!,
    nodes.map((h) => h.name),
  );
  for (const [type, kv] of [
    ["crm_config", cib.properties],
    ["rsc_defaults", cib.rscDefaults],
  ] as const)
    for (const [name, value] of Object.entries(kv)) await nodes[0]!.exec(["crm_attribute", "--type", type, "--name", name, "--update", value], { timeoutMs: 30_000 });
  ctx.log(
    `clusterware: ${nodes.length} Pacemaker nodes online with quorum; ${Object.entries(cib.rscDefaults)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );
}

/** Per-node configuration every controller needs before any chain can start on it. */
async function configureControllers(ctx: Ctx, hosts: Host[]): Promise<void> {
  const ep = clusterwareEndpoints(ctx);
  const t = ctx.topology.tunables;
  const keystone = renderKeystoneConf(ep.dbHost, t.keystonePasswordHashRounds);
  const glance = renderGlanceApiConf({ dbHost: ep.dbHost, keystoneBase: ep.keystoneBase, rabbitHosts: [ep.amqpHost], workers: t.glanceWorkers, notifications: true });
  await Promise.all(
    hosts.map(async (h) => {
      await h.writeFile("/etc/haproof/cw.env", renderCwEnv(t.keystoneProcesses, ep.amqpHost), 0o644);
      await h.writeFile("/etc/haproof/cw-my.cnf", renderMyCnf(), 0o644);
      for (const f of ["/var/lib/rabbitmq/.erlang.cookie", "/root/.erlang.cookie"]) await h.writeFile(f, ERLANG_COOKIE, 0o400);
      await h.exec(`chown rabbitmq:rabbitmq /var/lib/rabbitmq/.erlang.cookie && (grep -q ' ${RABBIT_ALIAS}$' /etc/hosts || echo '${ep.amqpHost} ${RABBIT_ALIAS}' >> /etc/hosts)`);
      await h.writeFile("/etc/keystone/keystone.conf", keystone, 0o640);
      await h.writeFile("/etc/glance/glance-api.conf", glance, 0o640);
      await h.exec(
        "chown root:keystone /etc/keystone/keystone.conf && chown root:glance /etc/glance/glance-api.conf && install -d -o keystone -g keystone /var/log/keystone && install -d -o glance -g glance /var/lib/glance/staging /var/lib/glance/tasks_work_dir /var/lib/glance/lock /var/log/glance",
      );
    }),
  );
}

/** One directory per service on the shared volume (the data mounts mount these subdirectories). */
async function prepareVolume(ctx: Ctx): Promise<void> {
  const [server] = ctx.hostsOf("gluster");
  const { volume } = ctx.topology.gluster;
  const dirs = ctx.topology.chains.filter((c) => c.dataMount).map((c) => `/mnt/${volume}/${c.service}`);
  await server!.exec(
    `gluster --mode=script volume set ${volume} network.ping-timeout 5 && mkdir -p /mnt/${volume} && (mountpoint -q /mnt/${volume} || mount -t glusterfs localhost:/${volume} /mnt/${volume}) && mkdir -p ${dirs.join(" ")} && umount /mnt/${volume}`,
    { timeoutMs: 60_000 },
  );
}

/** `g`'s XML with target-role=Stopped, so it starts only once its pool constraints exist. Pure. */
function stoppedGroupXml(g: ClusterwareCib["groups"][number]): string {
  const meta = `<meta_attributes id="${g.id}-meta_attributes"><nvpair id="${g.id}-meta_attributes-target-role" name="target-role" value="Stopped"/></meta_attributes>`;
  return g.xml.replace(/^(<group [^>]*>)/, `$1${meta}`);
}

async function applyGroups(ctx: Ctx, cib: ClusterwareCib, ids: string[]): Promise<void> {
  const first = cwNodes(ctx)[0]!;
  for (const g of cib.groups.filter((x) => ids.includes(x.id))) {
    // A constraint may only name an existing resource, and a new group with no constraint yet is
    // placed on the emptiest node (even outside its pool): create it stopped, constrain, then start.
    const exists = (await first.exec(["cibadmin", "--query", "--xpath", `//resources/group[@id='${g.id}']`], { allowFail: true, timeoutMs: 30_000 })).exitCode === 0;
    if (!exists) await upsertCib(first, "resources", "group", g.id, stoppedGroupXml(g));
    for (const c of cib.constraints.filter((x) => x.id.startsWith(`loc-${g.id}-`))) await upsertCib(first, "constraints", "rsc_location", c.id, c.xml);
    await upsertCib(first, "resources", "group", g.id, g.xml);
    ctx.log(`clusterware: ${g.id} = ${g.members.join(" -> ")} in ${g.pool}`);
  }
  const expected: Record<string, string[]> = {};
  for (const g of cib.groups.filter((x) => ids.includes(x.id))) for (const m of g.members) expected[m] = ctx.topology.pools.find((p) => p.name === g.pool)!.nodes;
  await waitForPlacement(first, expected, ctx.topology.tunables.startTimeoutS * 1000 + 60_000);
}

/** The node `member` runs on now (as the first node sees it); throws if it runs nowhere. */
async function holder(ctx: Ctx, member: string): Promise<Host> {
  const s = await pacemakerStatus(cwNodes(ctx)[0]!);
  const on = s.placement[member];
  if (!on) throw new Error(`${member} is not running`);
  return ctx.host(on);
}

/**
 * Forms the clusterware topology: the shared GlusterFS volume and the Pacemaker cluster side by
 * side, node configuration, then the chains in dependency order (MySQL and RabbitMQ with the
 * network agent stand-ins; MySQL accounts; Keystone with keys made once and synced to the other
 * controller; Glance registered in Keystone), each waited on through its own VIP. Idempotent.
 */
export async function formClusterware(ctx: Ctx): Promise<void> {
  const t0 = performance.now();
  const since = () => `${Math.round(performance.now() - t0)} ms`;
  const cib = clusterwareCib(ctx.topology, ctx);
  const ep = clusterwareEndpoints(ctx);
  const controllers = poolHosts(ctx, ctx.topology.chains[0]!.pool);
  // formGluster reads only hosts, log, gluster and mutations, which this kind has in the same shape.
  await Promise.all([formGluster(ctx as unknown as FormationContext).then(() => prepareVolume(ctx)), startCluster(ctx, cib), configureControllers(ctx, controllers)]);
  ctx.log(`clusterware: storage, cluster and node configuration ready after ${since()}`);

  const groupOf = (service: string) => cib.groups.find((g) => g.members.includes(service))!.id;
  await applyGroups(ctx, cib, [...new Set([groupOf("mysql"), groupOf("rabbitmq"), "g_network"])]);
  const db = await holder(ctx, "mysql");
  await db.exec(["mysql", "--socket=/run/mysqld/mysqld.sock", "-e", accountsSql()], { timeoutMs: 60_000 });
  const mq = await holder(ctx, "rabbitmq");
  const ctl = (...a: string[]) => mq.exec(["env", `RABBITMQ_NODENAME=rabbit@${RABBIT_ALIAS}`, "rabbitmqctl", ...a], { timeoutMs: 60_000, allowFail: true });
  await ctl("add_user", RABBIT_ACCOUNT.user, RABBIT_ACCOUNT.password);
  const perm = await ctl("set_permissions", "-p", RABBIT_ACCOUNT.vhost, RABBIT_ACCOUNT.user, ".*", ".*", ".*");
  if (perm.exitCode !== 0) throw new Error(`rabbitmq on ${mq.name}: set_permissions failed: ${perm.stderr.slice(-300)}`);
  ctx.log(`clusterware: MySQL on ${db.name}, RabbitMQ on ${mq.name}, accounts made, after ${since()}`);

  const [first, ...others] = controllers as [Host, ...Host[]];
  await ensureServiceDatabase(first, ep.dbHost, KEYSTONE_DB);
  await first.exec(["runuser", "-u", "keystone", "--", "keystone-manage", "db_sync"], { timeoutMs: 600_000 });
  await setupKeystoneKeys(first);
  await syncKeystoneKeys(first, others);
  const digests = await Promise.all(controllers.map(keystoneKeysDigest));
  if (new Set(digests).size !== 1) throw new Error(`keystone keys differ between ${controllers.map((h) => h.name).join(", ")} after sync`);
  await first.exec(["runuser", "-u", "keystone", "--", ...bootstrapArgv(ep.identity)], { timeoutMs: 300_000 });
  await applyGroups(ctx, cib, [groupOf("keystone")]);
  await waitFor("keystone issues a token through keystoneVIP", () => issueToken(ep.keystoneBase, KEYSTONE_ADMIN), { timeoutMs: 60_000, intervalMs: 1000 });
  ctx.log(`clusterware: Keystone serving at ${ep.identity}, keys identical on ${controllers.map((h) => h.name).join(", ")}, after ${since()}`);

  await ensureServiceDatabase(first, ep.dbHost, GLANCE_DB);
  await first.exec(["runuser", "-u", "glance", "--", "glance-manage", "db_sync"], { timeoutMs: 600_000 });
  await registerGlance(ctx, ep);
  await applyGroups(ctx, cib, [groupOf("glance")]);
  await waitFor("glance answers through glanceVIP", async () => (await apiRequest(`GET ${ep.image}/versions`, { url: `${ep.image}/versions`, timeout: 5000 })).status === 200, {
    timeoutMs: 60_000,
    intervalMs: 1000,
  });
  ctx.log(`clusterware: Glance serving at ${ep.image}, images on shared storage, after ${since()}`);
}
