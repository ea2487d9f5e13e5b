import { describe, expect, it } from "vitest";
import { rabbitTransportUrl, renderGlanceApiConf } from "./glance-conf.ts";

describe("glance-api.conf", () => {
  const conf = renderGlanceApiConf({ dbHost: "10.0.0.50", keystoneBase: "http://10.0.0.100:5000", rabbitHosts: ["vm-1", "vm-2", "vm-3"], workers: 1, notifications: true });

  it("uses the three RabbitMQ nodes", () => {
    expect(conf).toContain("transport_url = rabbit://openstack:haproof-rabbit@vm-1:5672,openstack:haproof-rabbit@vm-2:5672,openstack:haproof-rabbit@vm-3:5672/\n");
    expect(conf).toContain("driver = messagingv2");
    expect(() => rabbitTransportUrl([])).toThrow();
  });

  it("authenticates against Controller_VIP and uses the DB VIP", () => {
    expect(conf).toContain("www_authenticate_uri = http://10.0.0.100:5000\nauth_url = http://10.0.0.100:5000\n");
    expect(conf).toContain("connection = mysql+pymysql://glance:haproof-glance-db@10.0.0.50/glance");
    expect(conf).toMatch(/\[paste_deploy\]\nflavor = keystone/);
  });

  it("stores images in the GlusterFS mount with the given workers", () => {
    expect(conf).toContain("[fs]\nfilesystem_store_datadir = /var/lib/glance/images/\n");
    expect(conf).toContain("workers = 1\n");
  });
});
