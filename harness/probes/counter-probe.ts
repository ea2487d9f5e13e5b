import type { Connection } from "mysql2/promise";
import pRetry, { type Options as RetryOptions } from "p-retry";
import type { History } from "../history/index.ts";
import { classifyMysqlError } from "./mysql-errors.ts";
import { probeConnection } from "./mysql-connection.ts";
import { OpLoop } from "./op-loop.ts";

/** MySQL's deadlock error: InnoDB deadlocks and Galera certification conflicts alike. */
export const ER_LOCK_DEADLOCK = 1213;

/** Whether `e` is a 1213 deadlock (mysql2 error or a classified DefiniteFailure); pure. */
export function isDeadlock(e: unknown): boolean {
  const err = e as { code?: unknown; errno?: unknown } | null;
  return err?.code === "ER_LOCK_DEADLOCK" || err?.code === ER_LOCK_DEADLOCK || err?.errno === ER_LOCK_DEADLOCK;
}

/** The counter row (1..rows) an increment targets, given `random` in [0, 1); pure. */
export function counterRow(rows: number, random: number): number {
  return 1 + Math.min(rows - 1, Math.floor(random * rows));
}

/** Options for {@link counterWorker}. */
export interface CounterWorkerOptions {
  history: History;
  /** Address to connect to (the DB VIP); the worker keeps one connection, so it stays on one node. */
  address: string;
  table: string;
  /** Process name on its ops; several workers may share one (ids stay unique per process). */
  process: string;
  /** How many counter rows the increments spread over (ids 1..rows). */
  rows: number;
  rateHz?: number;
  /** Wrap each increment in an explicit transaction (Galera does not retry those by itself). Default true. */
  transaction?: boolean;
  /**
   * Retry policy (p-retry options, shouldRetry is forced to 1213 only) or none. Each attempt is
   * then recorded as its own op f="attempt" (a 1213 attempt is a fail keeping its code), and the
   * f="increment" op completes once the increment is acknowledged or the retries run out.
   */
  retry?: Omit<RetryOptions, "shouldRetry" | "onFailedAttempt">;
  /**
   * Read the value, then write value + 1 (`SELECT n` then `UPDATE ... SET n = <read + 1>`) instead
   * of `n = n + 1`: the naive client the `retry-less-client` mutation selects, which loses updates
   * under concurrency. Default false.
   */
  readModifyWrite?: boolean;
  /** An increment still pending after this is recorded info; default 15 s (covers the retries). */
  timeoutMs?: number;
}

/**
 * A client incrementing `UPDATE <table> SET n = n + 1 WHERE id = <row>` (op f="increment",
 * value = row): an ok op is an acknowledged increment, a 1213 is a fail with its code kept
 * (without retry). Drops its connection after any error other than a deadlock.
 */
export function counterWorker(o: CounterWorkerOptions): OpLoop {
  let current: { conn: Connection; node: string } | undefined;
  const tx = o.transaction ?? true;
  const attempt = async (row: number): Promise<{ host: string }> => {
    let connected = false;
    try {
      current ??= await probeConnection(o.address);
      connected = true;
      const update = async (c: Connection) => {
        if (!o.readModifyWrite) return void (await c.query({ sql: `UPDATE \`${o.table}\` SET n = n + 1 WHERE id = ?`, timeout: 5000 }, [row]));
        const [rows] = await c.query({ sql: `SELECT n FROM \`${o.table}\` WHERE id = ?`, timeout: 5000 }, [row]);
        const n = Number((rows as { n: number }[])[0]?.n ?? 0);
        await c.query({ sql: `UPDATE \`${o.table}\` SET n = ? WHERE id = ?`, timeout: 5000 }, [n + 1, row]);
      };
      if (tx) {
        await current.conn.query("START TRANSACTION");
        await update(current.conn);
        await current.conn.query({ sql: "COMMIT", timeout: 5000 });
      } else await update(current.conn);
      return { host: current.node };
    } catch (e) {
      // A deadlock rolls the transaction back and leaves the connection usable; anything else may not.
      if (!isDeadlock(e)) {
        current?.conn.destroy();
        current = undefined;
      }
      throw classifyMysqlError(e, connected);
    }
  };
  const recorded = async (row: number) => {
    const inv = o.history.op(o.process, "attempt", "invoke", { value: row });
    try {
      const r = await attempt(row);
      o.history.op(o.process, "attempt", "ok", { id: inv.id, value: row, host: r.host });
      return r;
    } catch (e) {
      const err = e as { code?: string | number; message?: string };
      o.history.op(o.process, "attempt", "fail", { id: inv.id, value: row, host: current?.node, error: { code: err.code, message: String(err.message).slice(0, 300) } });
      throw e;
    }
  };
  return new OpLoop({ process: o.process, history: o.history, rateHz: o.rateHz, timeoutMs: o.timeoutMs ?? 15_000, maxInFlight: 1 }, () => {
    const row = counterRow(o.rows, Math.random());
    return {
      f: "increment",
      value: row,
      run: () => (o.retry ? pRetry(() => recorded(row), { ...o.retry, shouldRetry: ({ error }) => isDeadlock(error) }) : attempt(row)),
    };
  });
}

/** Creates `table` (id, n) with rows 1..rows at n = 0 through `address`; resets existing rows to 0. */
export async function createCounterTable(address: string, table: string, rows: number): Promise<void> {
  const { conn } = await probeConnection(address);
  try {
    await conn.query(`CREATE TABLE IF NOT EXISTS \`${table}\` (id INT PRIMARY KEY, n BIGINT NOT NULL DEFAULT 0) ENGINE=InnoDB`);
    const values = Array.from({ length: rows }, (_, i) => `(${i + 1}, 0)`).join(", ");
    await conn.query(`INSERT INTO \`${table}\` (id, n) VALUES ${values} ON DUPLICATE KEY UPDATE n = 0`);
  } finally {
    await conn.end().catch(() => undefined);
  }
}

/** The sum of every counter row of `table`, read at `address` after it applied every write it had seen (wsrep_sync_wait). */
export async function readCounter(address: string, table: string): Promise<number> {
  const { conn } = await probeConnection(address);
  try {
    await conn.query("SET SESSION wsrep_sync_wait = 1");
    const [rows] = await conn.query(`SELECT COALESCE(SUM(n), 0) AS total FROM \`${table}\``);
    return Number((rows as Array<{ total: number | string }>)[0].total);
  } finally {
    await conn.end().catch(() => undefined);
  }
}
