import { http } from "./http.ts";
import { passwordAuthBody } from "../formation/keystone-api.ts";
import { KEYSTONE_ADMIN } from "../formation/service-accounts.ts";

/** POST /v3/auth/tokens at `base` (e.g. http://vip:5000); resolves with the token (201) or rejects. */
export async function issueToken(base: string, timeoutMs = 3000): Promise<string> {
  const r = await http.post(`${base}/v3/auth/tokens`, passwordAuthBody(KEYSTONE_ADMIN), { timeout: timeoutMs, validateStatus: (s) => s === 201 });
  return r.headers["x-subject-token"] as string;
}

/** GET /v3/auth/tokens validating `token` (authenticating with `authToken`); resolves on 200, rejects otherwise. */
export async function validateToken(base: string, authToken: string, token: string, timeoutMs = 3000): Promise<void> {
  await http.get(`${base}/v3/auth/tokens`, {
    headers: { "X-Auth-Token": authToken, "X-Subject-Token": token },
    timeout: timeoutMs,
    validateStatus: (s) => s === 200,
  });
}
