import type { FormationContext } from "./context.ts";
import { apiRequest, expectStatus, issueToken } from "./keystone-api.ts";
import { KEYSTONE_ADMIN } from "./service-accounts.ts";
import { keystoneEndpoints } from "../observe/keystone-endpoints.ts";

/** What {@link verifyKeystoneToken} observed. */
export interface TokenVerification {
  /** The URL used (through Controller_VIP). */
  keystoneBase: string;
  /** Token expiry as Keystone reported it on validation. */
  expiresAt: string;
  /** Wall time of issue + validate. */
  tookMs: number;
}

/**
 * Issues an admin token through Controller_VIP (POST /v3/auth/tokens must answer 201) and
 * validates it (GET /v3/auth/tokens with X-Subject-Token must answer 200 naming the admin user).
 * Throws ApiError on any other answer. No side effects beyond the token.
 */
export async function verifyKeystoneToken(ctx: Pick<FormationContext, "vipAddress">): Promise<TokenVerification> {
  const { keystoneBase } = keystoneEndpoints(ctx);
  const t0 = performance.now();
  const token = await issueToken(keystoneBase, KEYSTONE_ADMIN);
  const request = `GET ${keystoneBase}/v3/auth/tokens`;
  const res = await apiRequest<{ token?: { expires_at?: string; user?: { name?: string } } }>(request, {
    url: `${keystoneBase}/v3/auth/tokens`,
    headers: { "X-Auth-Token": token, "X-Subject-Token": token },
  });
  expectStatus(request, res, [200]);
  const user = res.data.token?.user?.name;
  if (user !== KEYSTONE_ADMIN.username) throw new Error(`${request}: token validated for user ${user}, expected ${KEYSTONE_ADMIN.username}`);
  return { keystoneBase, expiresAt: res.data.token?.expires_at ?? "", tookMs: Math.round(performance.now() - t0) };
}
