import { DefiniteFailure } from "./probe.ts";

/**
 * Classifies a mysql2 error: a server error reply (it has an SQL state, e.g. 1213 deadlock,
 * 1047 WSREP not ready) or a failure to connect is definite; a connection lost mid-statement
 * or a timeout is indeterminate (the write may have committed).
 */
export function classifyMysqlError(e: unknown, connected: boolean): Error {
  const err = e as { code?: string; errno?: number; sqlState?: string; message?: string };
  if (err.sqlState || !connected) return new DefiniteFailure(err.message ?? String(e), err.code ?? err.errno);
  return e instanceof Error ? e : new Error(String(e));
}
