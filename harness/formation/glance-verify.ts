import { createHash, randomBytes } from "node:crypto";
import type { FormationContext } from "./context.ts";
import { apiRequest, expectStatus, issueToken } from "./keystone-api.ts";
import { KEYSTONE_ADMIN } from "./service-accounts.ts";
import { keystoneEndpoints } from "../observe/keystone-endpoints.ts";

/** What {@link verifyGlanceImage} observed. */
export interface ImageVerification {
  imageId: string;
  bytes: number;
  sha256: string;
  /** Glance's `checksum` (md5), matched against the uploaded bytes. */
  checksum: string;
  deleted: boolean;
  tookMs: number;
}

/** Options of {@link verifyGlanceImage}. */
export interface ImageVerificationOptions {
  /** Size of the random payload; default 256 KiB. */
  bytes?: number;
  /** Keep the image (default: delete it after the check). */
  keep?: boolean;
}

const digest = (alg: string, b: Buffer) => createHash(alg).update(b).digest("hex");

/**
 * Round-trips an image through Controller_VIP: token from Keystone, create (201), upload the
 * random payload (204), check `status: active` and Glance's md5 `checksum`, download (200) and
 * compare sha256, then delete it unless `keep`. Throws ApiError or Error naming the mismatch.
 */
export async function verifyGlanceImage(ctx: Pick<FormationContext, "vipAddress">, opts: ImageVerificationOptions = {}): Promise<ImageVerification> {
  const ep = keystoneEndpoints(ctx);
  const t0 = performance.now();
  const payload = randomBytes(opts.bytes ?? 256 * 1024);
  const headers = { "X-Auth-Token": await issueToken(ep.keystoneBase, KEYSTONE_ADMIN) };
  const call = async <T>(method: string, path: string, ok: number[], extra: Parameters<typeof apiRequest>[1] = {}) => {
    const request = `${method.toUpperCase()} ${ep.image}${path}`;
    return expectStatus(request, await apiRequest<T>(request, { method, url: `${ep.image}${path}`, ...extra, headers: { ...headers, ...extra.headers } }), ok);
  };

  const name = `haproof-verify-${Date.now()}`;
  const created = await call<{ id: string }>("post", "/v2/images", [201], { data: { name, disk_format: "raw", container_format: "bare", visibility: "private" } });
  const imageId = created.data.id;
  await call("put", `/v2/images/${imageId}/file`, [204], { data: payload, headers: { "Content-Type": "application/octet-stream" } });
  const meta = (await call<{ status: string; checksum: string; size: number }>("get", `/v2/images/${imageId}`, [200])).data;
  if (meta.status !== "active") throw new Error(`image ${imageId}: status ${meta.status} after upload, expected active`);
  if (meta.checksum !== digest("md5", payload)) throw new Error(`image ${imageId}: Glance checksum ${meta.checksum} != uploaded md5 ${digest("md5", payload)}`);
  const got = Buffer.from((await call<ArrayBuffer>("get", `/v2/images/${imageId}/file`, [200], { responseType: "arraybuffer" })).data);
  const sha256 = digest("sha256", payload);
  if (digest("sha256", got) !== sha256) throw new Error(`image ${imageId}: downloaded ${got.length} bytes with sha256 ${digest("sha256", got)}, uploaded ${payload.length} with ${sha256}`);
  if (!opts.keep) await call("delete", `/v2/images/${imageId}`, [204]);
  return { imageId, bytes: payload.length, sha256, checksum: meta.checksum, deleted: !opts.keep, tookMs: Math.round(performance.now() - t0) };
}
