import { describe, expect, it } from "vitest";
import { renderKeystoneConf, keystoneUwsgiArgs } from "./keystone-conf.ts";
import { dbUrl } from "./service-accounts.ts";
import { keystoneEndpoints } from "../observe/keystone-endpoints.ts";
import { serviceDatabaseSql } from "./keystone-db.ts";
import { bootstrapArgv } from "./keystone.ts";

describe("keystone configuration", () => {
  const conf = renderKeystoneConf("10.0.0.50", 4);

  it("points [database] at the DB VIP over PyMySQL", () => {
    expect(conf).toContain("[database]\nconnection = mysql+pymysql://keystone:haproof-keystone-db@10.0.0.50/keystone\n");
  });

  it("uses Fernet tokens, an in-process cache and the pinned bcrypt rounds", () => {
    expect(conf).toMatch(/\[token\]\nprovider = fernet\n/);
    expect(conf).toMatch(/\[cache\]\nenabled = true\nbackend = dogpile.cache.memory\n/);
    expect(conf).toMatch(/\[identity\]\npassword_hash_rounds = 4\n/);
  });

  it("runs uwsgi with the requested process count on :5000", () => {
    const args = keystoneUwsgiArgs(2);
    expect(args).toContain("--processes 2");
    expect(args).toContain("--http-socket :5000");
    expect(args).toContain("--wsgi-file /usr/bin/keystone-wsgi-public");
  });

  it("computes the URLs from the VIPs", () => {
    const ep = keystoneEndpoints({ vipAddress: (n) => (n === "controller" ? "10.0.0.100" : "10.0.0.50") });
    expect(ep).toEqual({ identity: "http://10.0.0.100:5000/v3/", keystoneBase: "http://10.0.0.100:5000", image: "http://10.0.0.100:9292", dbHost: "10.0.0.50" });
    expect(bootstrapArgv(ep.identity)).toEqual(expect.arrayContaining(["--bootstrap-public-url", "http://10.0.0.100:5000/v3/", "--bootstrap-region-id", "RegionOne"]));
  });

  it("escapes DB credentials and refuses unsafe SQL", () => {
    expect(dbUrl({ name: "d", user: "u", password: "p@ss" }, "h")).toBe("mysql+pymysql://u:p%40ss@h/d");
    expect(serviceDatabaseSql({ name: "keystone", user: "keystone", password: "x" })).toContain("CREATE DATABASE IF NOT EXISTS `keystone`;");
    expect(() => serviceDatabaseSql({ name: "k", user: "k", password: "x'; DROP" })).toThrow();
  });
});
