import type { History } from "../history/index.ts";
import { classifyHttpError } from "./http-errors.ts";
import { issueToken, validateToken } from "./keystone-client.ts";
import { LeastRecent } from "./least-recent.ts";
import { OpLoop } from "./op-loop.ts";

/** Options for {@link keystoneProbe}. */
export interface KeystoneProbeOptions {
  history: History;
  /** http://<Controller_VIP>:5000 */
  base: string;
  rateHz?: number;
  /** Issue a new token every `issueEvery` ops; validate an earlier one otherwise. Default 10: one password authentication a second. */
  issueEvery?: number;
  /** Ops in flight at once; default: the open loop's lanes (see OpLoop). */
  maxInFlight?: number;
}

/**
 * A Keystone client through Controller_VIP, open loop: op `issue` (value = token) and op `validate`
 * (value = the earlier token validated longest ago, so every token, those from before a fault
 * included, keeps being validated after it). Each token validates itself.
 */
export function keystoneProbe(o: KeystoneProbeOptions): OpLoop {
  const picker = new LeastRecent<string>();
  // A password authentication costs Keystone a password hash; once a second still gives every check its tokens.
  const every = o.issueEvery ?? 10;
  // 3 s: each request's own timeout (keystone-client.ts).
  return new OpLoop({ process: "keystone", history: o.history, rateHz: o.rateHz, timeoutMs: 3000, maxInFlight: o.maxInFlight }, (i) => {
    if (picker.size === 0 || i % every === 0)
      return {
        f: "issue",
        run: async () => {
          try {
            const t = await issueToken(o.base);
            picker.add(t);
            return { value: t };
          } catch (e) {
            throw classifyHttpError(e);
          }
        },
      };
    const token = picker.next();
    return {
      f: "validate",
      value: token,
      run: async () => {
        try {
          await validateToken(o.base, token, token);
        } catch (e) {
          throw classifyHttpError(e);
        }
      },
    };
  });
}
