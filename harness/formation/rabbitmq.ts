import type { Host } from "../transport/host.ts";
import { waitFor } from "../wait/wait-for.ts";
import type { FormationContext } from "./context.ts";
import { RABBIT_ACCOUNT, erlangCookie, haPolicy, queueArguments, renderRabbitConf } from "./rabbitmq-conf.ts";
import { rabbitStatus } from "../observe/rabbitmq-status.ts";

/** Timeouts of the RabbitMQ runbook (one node boots in ~5-10 s here). */
export const RABBIT_TIMEOUTS = { startMs: 120_000, clusterMs: 120_000 } as const;

const COOKIE = "/var/lib/rabbitmq/.erlang.cookie";
const BOOT = {
  "/etc/haproof/boot.d/30-rabbitmq": "#!/bin/bash\n# Enabled by formation: start the node; it rejoins its cluster.\nexec /usr/local/bin/rabbit-start\n",
  "/etc/haproof/stop.d/30-rabbitmq": "#!/bin/bash\nexec /usr/local/bin/rabbit-stop\n",
};

/** The node name of `host` (RabbitMQ uses the short host name, which equals the topology name). */
export const rabbitNode = (host: Host): string => `rabbit@${host.name}`;

const ctl = (h: Host, ...args: string[]) => h.exec(["rabbitmqctl", ...args], { timeoutMs: 60_000 });

async function waitRunning(h: Host): Promise<void> {
  await waitFor(
    `${h.name} RabbitMQ node running`,
    async () => {
      const r = await h.exec(["rabbitmq-diagnostics", "-q", "check_running"], { allowFail: true, timeoutMs: 20_000 });
      return r.exitCode === 0;
    },
    { timeoutMs: RABBIT_TIMEOUTS.startMs, intervalMs: 1000 },
  );
}

/**
 * Forms the RabbitMQ cluster on the `datahost` hosts: same Erlang cookie and rabbitmq.conf
 * everywhere before the first start, starts every node, joins the others to the first one at a
 * time (stop_app, join_cluster, start_app), creates the `openstack` account, sets the guide's
 * mirroring policy when queues are "mirrored", and enables boot.d/stop.d scripts.
 */
export async function formRabbitmq(ctx: FormationContext): Promise<void> {
  const nodes = ctx.hostsOf("datahost");
  if (nodes.length === 0) throw new Error("rabbitmq: the topology has no datahost");
  const t0 = performance.now();
  const conf = renderRabbitConf(ctx.topology);
  const cookie = erlangCookie(ctx.topology);
  await Promise.all(
    nodes.map(async (h) => {
      await h.writeFile("/etc/rabbitmq/rabbitmq.conf", conf);
      await h.writeFile(COOKIE, cookie, 0o400);
      await h.exec(["chown", "rabbitmq:rabbitmq", COOKIE, "/etc/rabbitmq/rabbitmq.conf"]);
      await h.exec(["/usr/local/bin/rabbit-start"]);
    }),
  );
  await Promise.all(nodes.map(waitRunning));
  ctx.log(`rabbitmq: ${nodes.length} nodes running in ${Math.round(performance.now() - t0)} ms`);

  const [first, ...rest] = nodes;
  for (const h of rest) {
    if ((await rabbitStatus(h)).running.includes(rabbitNode(first))) continue; // already joined
    await ctl(h, "stop_app");
    await ctl(h, "join_cluster", rabbitNode(first));
    await ctl(h, "start_app");
  }
  const want = nodes.map(rabbitNode).sort();
  await Promise.all(
    nodes.map((h) =>
      waitFor(
        `${h.name} sees RabbitMQ nodes ${want.join(",")} running`,
        async () => {
          const s = await rabbitStatus(h);
          return want.every((n) => s.running.includes(n));
        },
        { timeoutMs: RABBIT_TIMEOUTS.clusterMs, intervalMs: 1000 },
      ),
    ),
  );

  const users = await ctl(first, "-q", "list_users", "--formatter", "json");
  if (!users.stdout.includes(`"${RABBIT_ACCOUNT.user}"`)) await ctl(first, "add_user", RABBIT_ACCOUNT.user, RABBIT_ACCOUNT.password);
  await ctl(first, "set_user_tags", RABBIT_ACCOUNT.user, "administrator");
  await ctl(first, "set_permissions", "-p", RABBIT_ACCOUNT.vhost, RABBIT_ACCOUNT.user, ".*", ".*", ".*");
  const policy = haPolicy(ctx.topology);
  if (policy) await ctl(first, "set_policy", "--apply-to", policy.applyTo, policy.name, policy.pattern, JSON.stringify(policy.definition));

  await Promise.all(
    nodes.map(async (h) => {
      for (const [path, body] of Object.entries(BOOT)) await h.writeFile(path, body, 0o755);
    }),
  );
  ctx.log(
    `rabbitmq: cluster ${want.join(", ")} formed in ${Math.round(performance.now() - t0)} ms` +
      (policy
        ? ` (policy ${policy.name})`
        : queueArguments(ctx.topology)["x-queue-type"]
          ? " (quorum queues: clients declare x-queue-type)"
          : " (no HA policy: every queue on one node, mutation rabbit-no-ha-policy)"),
  );
}
