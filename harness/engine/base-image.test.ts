import { describe, expect, it } from "vitest";
import { pullPolicy } from "./base-image.ts";

describe("base image pull policy", () => {
  it("tries no registry unless asked, and says why", () => {
    expect(pullPolicy({})).toEqual({ policy: "0", why: expect.stringMatching(/HAPROOF_PULL_BASE is not set/) });
  });

  it("tries a registry once on a GitHub-hosted runner, and as HAPROOF_PULL_BASE says elsewhere", () => {
    expect(pullPolicy({ GITHUB_ACTIONS: "true" }).policy).toBe("auto");
    expect(pullPolicy({ HAPROOF_PULL_BASE: "1" }).policy).toBe("1");
    expect(pullPolicy({ HAPROOF_PULL_BASE: "0", GITHUB_ACTIONS: "true" }).policy).toBe("0");
    expect(pullPolicy({ HAPROOF_PULL_BASE: "maybe" }).policy).toBe("0");
  });
});
