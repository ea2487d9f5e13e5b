import { AxiosError } from "axios";
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
  /** Ops in flight at once; default: the open loop's lanes (see OpLoop). */
  maxInFlight?: number;
}

/**
 * A Glance client through Controller_VIP, open loop: op `download` (ok value = {image, sha256}) and, every
 * fifth op, `list`. Its lanes share one Keystone token, as one keystoneauth session does: issued once (one issue
 * in flight at a time, however many lanes wait for it) and renewed only when Glance rejects it (401).
 */
export function glanceProbe(o: GlanceProbeOptions): OpLoop {
  // Not a token per lane: after a failure every lane would authenticate by password at once, and those password
  // hashes alone held Keystone down after a 22 s Galera pause in CI (a chaos run of 2026-12-02).
  let token: Promise<string> | undefined;
  const shared = () => {
    token ??= issueToken(o.keystoneBase).catch((e) => {
      token = undefined;
      throw e;
    });
    return token;
  };
  // 5 s: a download's own timeout (glance-client.ts); a token issue before it has 3 s of its own.
  return new OpLoop({ process: "glance", history: o.history, rateHz: o.rateHz, timeoutMs: 5000, maxInFlight: o.maxInFlight }, (i) => ({
    f: i % 5 === 4 ? "list" : "download",
    run: async () => {
      const t = shared();
      try {
        const tok = await t;
        if (i % 5 === 4) return { value: (await listImages(o.glanceBase, tok)).length };
        return { value: { image: o.image, sha256: await downloadSha256(o.glanceBase, tok, o.image) } };
      } catch (e) {
        if (e instanceof AxiosError && e.response?.status === 401 && token === t) token = undefined;
        throw classifyHttpError(e);
      }
    },
  }));
}
