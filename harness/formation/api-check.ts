import { apiRequest, expectStatus, issueToken } from "./keystone-api.ts";
import { KEYSTONE_ADMIN } from "./service-accounts.ts";
import type { KeystoneEndpoints } from "../observe/keystone-endpoints.ts";

/** Whether Keystone issues and validates a token and Glance lists images, through Controller_VIP. */
export interface ApiCheck {
  token: boolean;
  validated: boolean;
  /** Number of images Glance lists, or null when it did not answer. */
  images: number | null;
  error?: string;
}

/** Asks Keystone for a token, validates it, and lists Glance images, all through the VIP. Never throws. */
export async function apiCheck(ep: KeystoneEndpoints, timeout = 5000): Promise<ApiCheck> {
  const out: ApiCheck = { token: false, validated: false, images: null };
  try {
    const token = await issueToken(ep.keystoneBase, KEYSTONE_ADMIN);
    out.token = true;
    const validate = `GET ${ep.keystoneBase}/v3/auth/tokens`;
    const headers = { "X-Auth-Token": token, "X-Subject-Token": token };
    expectStatus(validate, await apiRequest(validate, { method: "get", url: `${ep.keystoneBase}/v3/auth/tokens`, headers, timeout }), [200]);
    out.validated = true;
    const list = `GET ${ep.image}/v2/images`;
    const res = expectStatus(list, await apiRequest<{ images: unknown[] }>(list, { method: "get", url: `${ep.image}/v2/images`, headers: { "X-Auth-Token": token }, timeout }), [200]);
    out.images = res.data.images.length;
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  return out;
}
