import type { History } from "../history/index.ts";
import { downloadSha256, listImages } from "./glance-client.ts";
import { classifyHttpError } from "./http-errors.ts";
import { issueToken } from "./keystone-client.ts";
import { OpLoop } from "./op-loop.ts";

/** Options for {@link glanceProbe}. */
export interface GlanceProbeOptions {
  history: History;
  /** http://<Controller_VIP>:9292 */
  glanceBase: string;
  /** http://<Controller_VIP>:5000, to get (and renew) a token. */
  keystoneBase: string;
  /** The image to download, uploaded beforehand; its sha256 is recorded as sample `glance:expected`. */
  image: string;
  rateHz?: number;
}

/**
 * A Glance client through Controller_VIP, open loop: op `download` (ok value = {image, sha256}) and, every
 * fifth op, `list`. Each lane gets a token from Keystone first, and a new one after any failure.
 */
export function glanceProbe(o: GlanceProbeOptions): OpLoop {
  const tokens = new Map<number, string>();
  // 5 s: a download's own timeout (glance-client.ts); a token issue before it has 3 s of its own.
  return new OpLoop({ process: "glance", history: o.history, rateHz: o.rateHz, timeoutMs: 5000 }, (i, lane) => ({
    f: i % 5 === 4 ? "list" : "download",
    run: async () => {
      try {
        const token = tokens.get(lane) ?? (await issueToken(o.keystoneBase));
        tokens.set(lane, token);
        if (i % 5 === 4) return { value: (await listImages(o.glanceBase, token)).length };
        return { value: { image: o.image, sha256: await downloadSha256(o.glanceBase, token, o.image) } };
      } catch (e) {
        tokens.delete(lane);
        throw classifyHttpError(e);
      }
    },
  }));
}
