import { AxiosError } from "axios";
import { DefiniteFailure } from "./probe.ts";

/**
 * Classifies an axios error: no connection or an HTTP error status is a definite failure
 * (status or errno kept as code); anything else (reset mid-request, timeout) is indeterminate.
 */
export function classifyHttpError(e: unknown): Error {
  if (e instanceof AxiosError) {
    if (e.response) return new DefiniteFailure(`HTTP ${e.response.status}`, e.response.status);
    if (e.code && ["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH"].includes(e.code)) return new DefiniteFailure(e.message, e.code);
  }
  return e instanceof Error ? e : new Error(String(e));
}
