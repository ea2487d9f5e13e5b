import { describe, expect, it } from "vitest";
import type { Health } from "../formation/index.ts";
import { formatHealth } from "./status.ts";

const health: Health = {
  hosts: [{ name: "ctr1", role: "cwnode", ip: "10.0.0.2", state: "running" }],
  vips: {},
  galera: {},
  lb: {},
  rabbit: {},
  gluster: null,
  pacemaker: null,
  api: { token: true, validated: true, images: 1 },
};

describe("formatHealth", () => {
  it("names Controller_VIP as the API route by default (PRISMA)", () => {
    const text = formatHealth("r1", "10.0.0.0/24", health, []);
    expect(text).toContain("keystone token via Controller_VIP: issued, validated");
    expect(text).toContain("glance via Controller_VIP: 1 images listed");
  });

  it("names each service's own VIP when given the clusterware routes, and says NOT HEALTHY with problems", () => {
    const text = formatHealth("r1", "10.0.0.0/24", { ...health, api: { token: false, validated: false, images: null } }, ["mysql stopped"], {
      keystone: "keystoneVIP",
      glance: "glanceVIP",
    });
    expect(text).toContain("keystone token via keystoneVIP: NO");
    expect(text).toContain("glance via glanceVIP: NO ANSWER");
    expect(text).not.toContain("Controller_VIP");
    expect(text).toContain("NOT HEALTHY:\n  - mysql stopped");
  });
});
