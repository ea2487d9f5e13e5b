import axios from "axios";
import { KEYSTONE_ADMIN } from "./keystone-endpoints.ts";
import type { KeystoneEndpoints } from "./keystone-endpoints.ts";

/** Whether Keystone issues and validates a token and Glance lists images, through Controller_VIP. */
export interface ApiCheck {
  token: boolean;
  validated: boolean;
  /** Number of images Glance lists, or null when it did not answer. */
  images: number | null;
  error?: string;
}

/** Asks Keystone for a token, validates it, and lists Glance images, all through the VIP. Never throws. */
export async function apiCheck(ep: KeystoneEndpoints, timeoutMs = 5000): Promise<ApiCheck> {
  const out: ApiCheck = { token: false, validated: false, images: null };
  try {
    const { username, password, project, domain } = KEYSTONE_ADMIN;
    const body = {
      auth: {
        identity: { methods: ["password"], password: { user: { name: username, domain: { name: domain }, password } } },
        scope: { project: { name: project, domain: { name: domain } } },
      },
    };
    const r = await axios.post(`${ep.keystoneBase}/v3/auth/tokens`, body, { timeout: timeoutMs });
    const token = r.headers["x-subject-token"] as string;
    out.token = r.status === 201 && !!token;
    const v = await axios.get(`${ep.keystoneBase}/v3/auth/tokens`, { headers: { "X-Auth-Token": token, "X-Subject-Token": token }, timeout: timeoutMs });
    out.validated = v.status === 200;
    const imgs = await axios.get(`${ep.image}/v2/images`, { headers: { "X-Auth-Token": token }, timeout: timeoutMs });
    out.images = (imgs.data.images as unknown[]).length;
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  }
  return out;
}
