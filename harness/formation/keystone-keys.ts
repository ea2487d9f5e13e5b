import type { Host } from "../transport/host.ts";

/** Key repositories Keystone needs identical on every controller (tokens/credentials from one must open on all). */
export const KEYSTONE_KEY_DIRS = ["/etc/keystone/fernet-keys", "/etc/keystone/credential-keys"] as const;

/**
 * Runs fernet_setup and credential_setup on `source` if its repositories are empty (as keystone,
 * so the files belong to it). Idempotent: existing keys are kept.
 */
export async function setupKeystoneKeys(source: Host): Promise<void> {
  for (const [dir, cmd] of [
    [KEYSTONE_KEY_DIRS[0], "fernet_setup"],
    [KEYSTONE_KEY_DIRS[1], "credential_setup"],
  ] as const) {
    const has = await source.exec(`test -s ${dir}/0`, { allowFail: true });
    if (has.exitCode !== 0) await source.exec(["keystone-manage", cmd, "--keystone-user", "keystone", "--keystone-group", "keystone"], { timeoutMs: 60_000 });
  }
}

/**
 * Copies both key repositories from `source` to each of `targets` (the guide's sync step): the
 * targets end up with exactly the source's keys, keystone:keystone, dirs 0700, files 0600. Idempotent.
 */
export async function syncKeystoneKeys(source: Host, targets: readonly Host[]): Promise<void> {
  for (const dir of KEYSTONE_KEY_DIRS) {
    const names = (await source.exec(["ls", "-1", dir])).stdout.split("\n").filter((n) => /^\d+$/.test(n));
    if (names.length === 0) throw new Error(`${source.name}: no keys in ${dir}`);
    const files = await Promise.all(names.map(async (n) => ({ n, content: await source.readFile(`${dir}/${n}`) })));
    await Promise.all(
      targets.map(async (t) => {
        await t.exec(`rm -rf ${dir} && install -d -o keystone -g keystone -m 0700 ${dir}`);
        for (const f of files) await t.writeFile(`${dir}/${f.n}`, f.content, 0o600);
        await t.exec(`chown keystone:keystone ${dir}/* && chmod 0600 ${dir}/*`);
      }),
    );
  }
}

/** sha256 of each key repository on `host` (for checking that controllers agree). Read-only. */
export async function keystoneKeysDigest(host: Host): Promise<string> {
  return (await host.exec(`cd /etc/keystone && for d in fernet-keys credential-keys; do for f in $d/*; do echo "$f $(sha256sum < $f)"; done; done | sha256sum`)).stdout.trim();
}
