import { http } from "./http.ts";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";

/** sha256 of `data` as hex. */
export function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Creates a raw/bare image named `name` at Glance `base` and uploads `data`; resolves with its id. */
export async function uploadImage(base: string, token: string, name: string, data: Buffer, timeoutMs = 30_000): Promise<string> {
  const headers = { "X-Auth-Token": token };
  const created = await http.post(`${base}/v2/images`, { name, disk_format: "raw", container_format: "bare", visibility: "public" }, { headers, timeout: timeoutMs });
  const id = created.data.id as string;
  await http.put(`${base}/v2/images/${id}/file`, data, {
    headers: { ...headers, "Content-Type": "application/octet-stream" },
    timeout: timeoutMs,
    maxBodyLength: Infinity,
  });
  return id;
}

/**
 * Downloads image `id`; resolves with its bytes' sha256 (rejects on any non-200, on a body cut
 * short, or after `timeoutMs` in all). The body is hashed as it streams in, never held whole:
 * 10 downloads a second of a 1 MiB image otherwise keep the garbage collector busy.
 */
export async function downloadSha256(base: string, token: string, id: string, timeoutMs = 5000): Promise<string> {
  const r = await http.get<Readable>(`${base}/v2/images/${id}/file`, {
    headers: { "X-Auth-Token": token },
    responseType: "stream",
    timeout: timeoutMs,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const hash = createHash("sha256");
  for await (const chunk of r.data) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Lists image ids (rejects on any non-200). */
export async function listImages(base: string, token: string, timeoutMs = 5000): Promise<string[]> {
  const r = await http.get(`${base}/v2/images`, { headers: { "X-Auth-Token": token }, timeout: timeoutMs });
  return (r.data.images as Array<{ id: string }>).map((i) => i.id);
}
