import { describe, expect, it } from "vitest";
import { renderKeepalivedConf, vipFromKeepalivedConf } from "./keepalived-conf.ts";

const base = {
  routerId: "lb-1",
  state: "MASTER" as const,
  priority: 150,
  iface: "eth0",
  virtualRouterId: 51,
  advertIntS: 1,
  vip: "10.0.0.250",
  prefixLength: 24,
  selfIp: "10.0.0.5",
  peerIps: ["10.0.0.6"],
};

describe("renderKeepalivedConf", () => {
  it("owns the VIP over unicast VRRP and tracks haproxy", () => {
    const c = renderKeepalivedConf(base);
    expect(c).toContain("state MASTER");
    expect(c).toContain("priority 150");
    expect(c).toContain("advert_int 1");
    expect(c).toContain("unicast_src_ip 10.0.0.5");
    expect(c).toMatch(/unicast_peer \{\n\s+10\.0\.0\.6\n\s+\}/);
    expect(c).toContain("10.0.0.250/24 dev eth0");
    expect(c).toContain('script "/usr/bin/killall -0 haproxy"');
    expect(c).toMatch(/track_script \{\n\s+chk_haproxy/);
    expect(c).not.toContain("nopreempt");
  });

  it("renders nopreempt as BACKUP", () => {
    const c = renderKeepalivedConf({ ...base, nopreempt: true });
    expect(c).toContain("state BACKUP");
    expect(c).toContain("nopreempt");
  });

  it("reads the VIP back", () => {
    expect(vipFromKeepalivedConf(renderKeepalivedConf(base))).toBe("10.0.0.250");
    expect(vipFromKeepalivedConf("global_defs {}")).toBeNull();
  });
});
