import { z } from "zod";

const name = z.string().regex(/^[a-z][a-z0-9_.-]{0,62}$/, "must be a lower-case host or resource name");
const nonEmpty = z.string().trim().min(1, "must not be empty");

/** Roles a host of an operator's site can play (issue 16's list; `galera` is the PRISMA guide's data host). */
export const SiteRoleSchema = z.enum(["galera", "rabbitmq", "lb", "gluster", "controller", "network"]);

/** A secret: given inline (discouraged; the file must then be mode 0600) or named by an environment variable. */
export const SecretSchema = z.union([z.strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name") }), z.strictObject({ value: nonEmpty })]);

/** How haproof reaches one host over SSH. Host keys are always verified (pinned here or in the site's known_hosts). */
export const SshSchema = z
  .strictObject({
    user: nonEmpty.default("root"),
    port: z.number().int().min(1).max(65535).default(22),
    /** Private key file; absent: the SSH agent (`SSH_AUTH_SOCK`). */
    identity: nonEmpty.optional(),
    agent: z.boolean().default(false),
    /** Become root through `sudo -n` for every command. */
    sudo: z.boolean().default(false),
    /** The host's public key, as in known_hosts ("ssh-ed25519 AAAA…"); absent: the site's knownHosts file. */
    hostKey: z
      .string()
      .regex(/^(ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|ssh-rsa) [A-Za-z0-9+/=]+$/, "must be '<type> <base64>'")
      .optional(),
  })
  .refine((s) => s.identity !== undefined || s.agent, { message: "give an identity file or set agent: true", path: ["identity"] });

/** How a host's power is switched, for the faults that kill, stop or pause a whole host. */
export const PowerSchema = z.discriminatedUnion("driver", [
  z.strictObject({ driver: z.literal("docker"), container: nonEmpty }),
  z.strictObject({ driver: z.literal("ipmi"), address: nonEmpty, user: nonEmpty, password: SecretSchema }),
  z.strictObject({ driver: z.literal("libvirt"), uri: nonEmpty, domain: nonEmpty }),
  z.strictObject({ driver: z.literal("command"), off: nonEmpty, on: nonEmpty, status: nonEmpty }),
  z.strictObject({ driver: z.literal("none") }),
]);

/** One host of the site. */
export const SiteHostSchema = z.strictObject({
  name,
  address: z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: "must be an IP address or a host name" }),
  ssh: SshSchema,
  roles: z.array(SiteRoleSchema).min(1, "a host needs at least one role"),
  power: PowerSchema.default({ driver: "none" }),
});

/** A virtual IP of the site, as the topology's VIPs. */
export const SiteVipSchema = z.strictObject({
  name: z.string().regex(/^[a-z][A-Za-z0-9-]*$/, "must start lower-case, letters, digits and dashes"),
  address: z.union([z.ipv4(), z.ipv6()], { error: "must be an IP address" }),
  manager: z.enum(["keepalived", "pacemaker"]),
  allowed: z.array(name).min(1),
  ports: z.record(z.string(), z.number().int().min(1).max(65535)),
});

/** A Pacemaker group and where it may run. */
export const SiteGroupSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
  vip: z.string().optional(),
  allowed: z.array(name).min(1),
  forbidden: z.array(name).default([]),
});

/** How one service on one role is found and restarted: a systemd unit, or a process pattern with its restart command. */
export const ServiceSchema = z.union([
  z.strictObject({ unit: z.string().regex(/^[A-Za-z0-9@._-]+$/, "must be a systemd unit name"), restart: nonEmpty.optional() }),
  z.strictObject({ pattern: nonEmpty, restart: nonEmpty }),
]);

/** The accounts haproof's probes use; each password a {@link SecretSchema}. */
export const CredentialsSchema = z.strictObject({
  keystone: z.strictObject({ username: nonEmpty, password: SecretSchema, project: nonEmpty.default("admin"), domain: nonEmpty.default("Default") }).optional(),
  database: z
    .strictObject({
      user: nonEmpty,
      password: SecretSchema,
      schema: z
        .string()
        .regex(/^[a-z_][a-z0-9_]*$/)
        .default("haproof_probe"),
    })
    .optional(),
  rabbitmq: z.strictObject({ user: nonEmpty, password: SecretSchema, vhost: nonEmpty.default("/") }).optional(),
});

/** A whole site file (site.yaml), before cross-references are checked. */
export const SiteFileSchema = z.strictObject({
  name,
  /** known_hosts file for hosts without a pinned hostKey. */
  knownHosts: nonEmpty.optional(),
  hosts: z.array(SiteHostSchema).min(1, "a site needs at least one host"),
  vips: z.array(SiteVipSchema).default([]),
  groups: z.array(SiteGroupSchema).default([]),
  /** role -> service name -> how it is found and restarted. */
  services: z.partialRecord(SiteRoleSchema, z.record(z.string(), ServiceSchema)).default({}),
  credentials: CredentialsSchema.default({}),
});

/** A validated site file. */
export type SiteFile = z.output<typeof SiteFileSchema>;
/** A site file as written (defaults not yet applied). */
export type SiteFileInput = z.input<typeof SiteFileSchema>;
/** A host's role in a site. */
export type SiteRole = z.infer<typeof SiteRoleSchema>;
/** A secret reference. */
export type Secret = z.infer<typeof SecretSchema>;
