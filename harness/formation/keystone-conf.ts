import { renderIni } from "./ini-conf.ts";
import { dbUrl, KEYSTONE_DB } from "./service-accounts.ts";
import { API_PORTS } from "../observe/keystone-endpoints.ts";

/**
 * Renders /etc/keystone/keystone.conf: DB through the DB VIP, Fernet tokens, an in-process
 * cache (each uwsgi worker caches validations and role look-ups: without it one validation took
 * ~900 ms here), and bcrypt at `passwordHashRounds` (Keystone's default 12 costs ~250 ms per
 * token issue on this 2-core machine). Pure.
 */
export function renderKeystoneConf(dbHost: string, passwordHashRounds: number): string {
  return renderIni({
    DEFAULT: { log_dir: "/var/log/keystone" },
    database: {
      connection: dbUrl(KEYSTONE_DB, dbHost),
      // Galera behind HAProxy: drop pooled connections before HAProxy's idle timeout does.
      connection_recycle_time: 60,
      max_retries: -1,
    },
    token: { provider: "fernet" },
    fernet_tokens: { key_repository: "/etc/keystone/fernet-keys/" },
    credential: { key_repository: "/etc/keystone/credential-keys/" },
    identity: { password_hash_rounds: passwordHashRounds },
    cache: { enabled: true, backend: "dogpile.cache.memory" },
  });
}

/** uwsgi argv (space-joined) for the keystone OCF agent: public API on :5000, `processes` workers. Pure. */
export function keystoneUwsgiArgs(processes: number): string {
  return [
    "--plugin python3",
    `--http-socket :${API_PORTS.keystone}`,
    "--wsgi-file /usr/bin/keystone-wsgi-public",
    "--master",
    `--processes ${processes}`,
    "--threads 1",
    "--die-on-term",
    "--no-orphans",
    "--need-app",
    "--buffer-size 65535",
  ].join(" ");
}
