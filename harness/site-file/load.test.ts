import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSiteFile, parseSiteYaml, SiteFileError } from "./load.ts";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOqYFakeFakeFakeFakeFakeFakeFakeFakeFakeFake";
const site = (patch: Record<string, unknown> = {}) => ({
  name: "staging",
  hosts: [
    { name: "ctl-1", address: "172.30.0.11", ssh: { identity: "/keys/id", hostKey: KEY }, roles: ["controller"] },
    {
      name: "ctl-2",
      address: "172.30.0.12",
      ssh: { agent: true, hostKey: KEY, sudo: true },
      roles: ["controller", "network"],
      power: { driver: "command", off: "off.sh", on: "on.sh", status: "st.sh" },
    },
    { name: "db-1", address: "172.30.0.21", ssh: { identity: "/keys/id", hostKey: KEY }, roles: ["galera", "rabbitmq"] },
  ],
  vips: [{ name: "controller", address: "172.30.0.100", manager: "pacemaker", allowed: ["ctl-1", "ctl-2"], ports: { keystone: 5000 } }],
  groups: [{ name: "g_controller", vip: "controller", allowed: ["ctl-1", "ctl-2"], forbidden: [] }],
  services: { controller: { keystone: { unit: "apache2" } } },
  credentials: { keystone: { username: "admin", password: { env: "OS_PASSWORD" } } },
  ...patch,
});
const problems = (doc: unknown, opts = {}) => {
  const r = parseSiteYaml(stringify(doc), opts);
  return r.ok ? [] : r.problems;
};

describe("site file validation", () => {
  it("accepts a consistent site and fills the defaults", () => {
    const r = parseSiteYaml(stringify(site()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.hosts[0].ssh).toMatchObject({ user: "root", port: 22, sudo: false });
    expect(r.data.hosts[0].power).toEqual({ driver: "none" });
    expect(r.data.credentials.keystone?.project).toBe("admin");
  });

  it("names the field and the reason of each bad input", () => {
    const bad = site();
    (bad.hosts[0].ssh as Record<string, unknown>).port = "22";
    expect(problems(bad)).toEqual(["hosts.0.ssh.port: Invalid input: expected number, received string"]);
    expect(problems(site({ hosts: [{ ...site().hosts[0], roles: ["webserver"] }] }))[0]).toMatch(/^hosts\.0\.roles\.0: /);
    expect(problems(site({ colour: "blue" }))[0]).toMatch(/colour/);
    expect(problems({ ...site(), hosts: [{ name: "x", address: "1.2.3.4", ssh: { hostKey: KEY }, roles: ["lb"] }] })[0]).toBe("hosts.0.ssh.identity: give an identity file or set agent: true");
    const syntax = parseSiteYaml("hosts: [\n  - name: a\n  bad");
    expect(syntax.ok === false && syntax.problems[0]).toMatch(/^line 2: Block collections are not allowed within flow collections$/);
  });

  it("finds what no schema sees: unknown hosts and VIPs, duplicates, a role no host plays, an unpinned host key", () => {
    expect(problems(site({ vips: [{ ...site().vips[0], allowed: ["ctl-1", "ctl-9"] }] }))).toEqual(['vips.0.allowed.1: no host "ctl-9" in hosts']);
    expect(problems(site({ groups: [{ name: "g", vip: "nope", allowed: ["ctl-1"], forbidden: ["ctl-1"] }] }))).toEqual([
      'groups.0.vip: no VIP "nope" in vips',
      "groups.0: ctl-1 both allowed and forbidden",
    ]);
    expect(problems(site({ services: { lb: { haproxy: { unit: "haproxy" } } } }))).toEqual(["services.lb: no host has role lb"]);
    const twice = site();
    twice.hosts[1] = { ...twice.hosts[0] };
    expect(problems(twice)).toEqual([
      'hosts.1.name: "ctl-1" is used by an earlier host',
      "hosts.1.address: 172.30.0.11 is used by an earlier host",
      'vips.0.allowed.1: no host "ctl-2" in hosts',
      'groups.0.allowed.1: no host "ctl-2" in hosts',
    ]);
    const unpinned = site();
    delete (unpinned.hosts[2].ssh as Record<string, unknown>).hostKey;
    expect(problems(unpinned)[0]).toMatch(/^hosts\.2\.ssh\.hostKey: db-1's host key is not pinned/);
    expect(problems(unpinned, { acceptNewHostKeys: true })).toEqual([]);
    expect(problems({ ...unpinned, knownHosts: "/etc/ssh/ssh_known_hosts" })).toEqual([]);
  });
});

describe("loading a site file", () => {
  const dir = mkdtempSync(join(tmpdir(), "haproof-site-"));
  const write = (doc: unknown, mode: number) => {
    const f = join(dir, `s-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(f, stringify(doc));
    chmodSync(f, mode);
    return f;
  };

  it("gives one line naming the file, the first problem and how many more", () => {
    const bad = site({ vips: [{ ...site().vips[0], allowed: ["x", "y"] }] });
    const f = write(bad, 0o644);
    expect(() => loadSiteFile(f)).toThrow(SiteFileError);
    expect(() => loadSiteFile(f)).toThrow(`site file ${f}: vips.0.allowed.0: no host "x" in hosts (and 1 more)`);
    expect(() => loadSiteFile(join(dir, "missing.yaml"))).toThrow(/missing\.yaml: no such file$/);
  });

  it("refuses inline secrets in a file others can read, and accepts them at mode 0600", () => {
    const inline = site({ credentials: { database: { user: "haproof", password: { value: "s3cret-value" } } } });
    expect(() => loadSiteFile(write(inline, 0o644))).toThrow(/holds inline secrets but has mode 0644; chmod 600 it/);
    expect(loadSiteFile(write(inline, 0o600)).credentials.database?.schema).toBe("haproof_probe");
    expect(loadSiteFile(write(site(), 0o644)).name).toBe("staging");
  });
});
