import mysql, { type Connection } from "mysql2/promise";
import type { History } from "../history/index.ts";
import { GALERA_ACCOUNTS } from "../formation/galera-sql.ts";
import { classifyMysqlError } from "./mysql-errors.ts";
import { OpLoop } from "./op-loop.ts";

/** Options for {@link mysqlWriter}. */
export interface MysqlProbeOptions {
  history: History;
  /** Address to connect to: the DB VIP. */
  address: string;
  /** Table holding this run's sequence numbers (created if absent). */
  table: string;
  rateHz?: number;
  process?: string;
}

/** Opens a probe-account connection to `address` (connect timeout `connectTimeoutMs`); tags it with the serving node. */
export async function probeConnection(address: string, connectTimeoutMs = 1500): Promise<{ conn: Connection; node: string }> {
  const { user, password, database } = GALERA_ACCOUNTS.probe;
  const conn = await mysql.createConnection({ host: address, user, password, database, connectTimeout: connectTimeoutMs });
  conn.on("error", () => undefined); // a lost connection surfaces on the next query instead
  const [rows] = await conn.query("SELECT @@hostname AS node");
  return { conn, node: (rows as Array<{ node: string }>)[0].node };
}

/** Creates the sequence table through `address` (idempotent). */
export async function createSeqTable(address: string, table: string): Promise<void> {
  const { conn } = await probeConnection(address);
  try {
    await conn.query(`CREATE TABLE IF NOT EXISTS \`${table}\` (seq BIGINT PRIMARY KEY, at TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP(3)) ENGINE=InnoDB`);
  } finally {
    await conn.end().catch(() => undefined);
  }
}

/**
 * A client inserting unique sequence numbers through the DB VIP (op `insert`, value = seq):
 * an ok insert is an acknowledged write. Reconnects after any failure.
 */
export function mysqlWriter(o: MysqlProbeOptions): OpLoop {
  let current: { conn: Connection; node: string } | undefined;
  const drop = () => {
    current?.conn.destroy();
    current = undefined;
  };
  return new OpLoop({ process: o.process ?? "mysql", history: o.history, rateHz: o.rateHz }, (i) => ({
    f: "insert",
    value: i + 1,
    run: async () => {
      let connected = false;
      try {
        current ??= await probeConnection(o.address);
        connected = true;
        await current.conn.query({ sql: `INSERT INTO \`${o.table}\` (seq) VALUES (?)`, timeout: 1800 }, [i + 1]);
        return { host: current.node };
      } catch (e) {
        drop();
        throw classifyMysqlError(e, connected);
      }
    },
  }));
}

/** Every seq in `table` as read directly from one node at `address` (sorted). */
export async function readSeqs(address: string, table: string): Promise<number[]> {
  const { conn } = await probeConnection(address);
  try {
    const [rows] = await conn.query(`SELECT seq FROM \`${table}\` ORDER BY seq`);
    return (rows as Array<{ seq: number | string }>).map((r) => Number(r.seq));
  } finally {
    await conn.end().catch(() => undefined);
  }
}

/**
 * A client reading `SELECT 1` from one node at `address` (op `read`), with `timeoutMs` per op:
 * used to calibrate outage measurement against a fault of known length.
 */
export function mysqlReader(o: { history: History; address: string; process: string; rateHz?: number; timeoutMs?: number }): OpLoop {
  let current: { conn: Connection; node: string } | undefined;
  const timeout = o.timeoutMs ?? 500;
  return new OpLoop({ process: o.process, history: o.history, rateHz: o.rateHz, timeoutMs: timeout + 200 }, () => ({
    f: "read",
    run: async () => {
      let connected = false;
      try {
        current ??= await probeConnection(o.address, timeout);
        connected = true;
        await current.conn.query({ sql: "SELECT 1", timeout });
        return { host: current.node };
      } catch (e) {
        current?.conn.destroy();
        current = undefined;
        throw classifyMysqlError(e, connected);
      }
    },
  }));
}
