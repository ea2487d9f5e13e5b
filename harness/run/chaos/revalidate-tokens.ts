import pRetry, { AbortError } from "p-retry";
import { compareMono, completedOps, faultWindow } from "../../history/index.ts";
import { validateToken } from "../../probes/index.ts";
import type { ScenarioRun } from "../index.ts";

/**
 * After the last heal, with the keystone probe stopped: validates every token issued before the
 * first fault once more through Controller_VIP, each attempt recorded as a `keystone` validate op,
 * so tokenContinuity can judge a long run without waiting for the probe to cycle through every
 * token it ever issued. Retry policy: up to 4 retries, 1 s then doubling, on anything but a
 * definite rejection (HTTP 401/404: the token is invalid, which is the finding). Returns the count.
 */
export async function revalidatePreFaultTokens(run: ScenarioRun, keystoneBase: string): Promise<number> {
  const events = run.history.events();
  const { effectiveMono } = faultWindow(events);
  if (!effectiveMono) return 0;
  const tokens = [
    ...new Set(
      completedOps(events, { process: "keystone", f: "issue" })
        .filter((o) => o.type === "ok" && o.completeMono && compareMono(o.completeMono, effectiveMono) < 0)
        .map((o) => String(o.value)),
    ),
  ];
  await run.step(`revalidate the ${tokens.length} tokens issued before the first fault`, async () => {
    for (const token of tokens) {
      await pRetry(
        async () => {
          const { id } = run.history.op("keystone", "validate", "invoke", { value: token });
          try {
            await validateToken(keystoneBase, token, token);
            run.history.op("keystone", "validate", "ok", { id, value: token });
          } catch (e) {
            const status = (e as { response?: { status?: number } }).response?.status;
            run.history.op("keystone", "validate", status ? "fail" : "info", {
              id,
              value: token,
              error: { code: status, message: status ? `HTTP ${status}` : String((e as Error).message).slice(0, 200) },
            });
            if (status === 401 || status === 404) throw new AbortError(`token rejected: HTTP ${status}`);
            throw new Error(status ? `HTTP ${status}` : "no answer");
          }
        },
        { retries: 4, minTimeout: 1000, factor: 2 },
      ).catch(() => undefined);
    }
  });
  return tokens.length;
}
