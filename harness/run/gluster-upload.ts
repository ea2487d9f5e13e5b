import { issueToken, sha256, uploadImage, downloadSha256 } from "../probes/index.ts";
import type { KeystoneEndpoints } from "../observe/index.ts";
import type { ScenarioRun } from "./scenario-run.ts";

/**
 * One upload of `data` as a new image through Glance, recorded as an op of process `glance-upload`
 * (f "upload"; ok value {image, sha256}; a failure is `info`, since the image record may exist).
 * Resolves with the image id, or undefined when the attempt failed.
 */
export async function recordedUpload(run: ScenarioRun, ep: KeystoneEndpoints, name: string, data: Buffer, timeoutMs = 60_000): Promise<string | undefined> {
  const inv = run.history.op("glance-upload", "upload", "invoke", { value: name });
  try {
    const id = await uploadImage(ep.image, await issueToken(ep.keystoneBase), name, data, timeoutMs);
    run.history.op("glance-upload", "upload", "ok", { id: inv.id, value: { image: id, sha256: sha256(data) } });
    return id;
  } catch (e) {
    run.history.op("glance-upload", "upload", "info", { id: inv.id, error: { message: (e as Error).message.slice(0, 200) } });
    return undefined;
  }
}

/**
 * One download of image `id` through Glance, recorded as an op of `process` (f "download", ok value
 * {image, sha256}), which the image-integrity check reads; resolves with the sha256 or undefined.
 */
export async function recordedDownload(run: ScenarioRun, ep: KeystoneEndpoints, id: string, process = "glance-new"): Promise<string | undefined> {
  const inv = run.history.op(process, "download", "invoke", { value: id });
  try {
    const sha = await downloadSha256(ep.image, await issueToken(ep.keystoneBase), id, 30_000);
    run.history.op(process, "download", "ok", { id: inv.id, value: { image: id, sha256: sha } });
    return sha;
  } catch (e) {
    run.history.op(process, "download", "fail", { id: inv.id, error: { message: (e as Error).message.slice(0, 200) } });
    return undefined;
  }
}
