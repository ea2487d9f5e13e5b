import type { History } from "../history/index.ts";
import { LaneConnections } from "./lane-connections.ts";
import { probeConnection } from "./mysql-connection.ts";
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
  /** Ops in flight at once; default: the open loop's lanes (see OpLoop). */
  maxInFlight?: number;
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
 * A client inserting unique sequence numbers through the DB VIP (op `insert`, value = seq), open loop:
 * an ok insert is an acknowledged write. Each lane keeps its own connection and reconnects after any
 * failure or timeout.
 */
export function mysqlWriter(o: MysqlProbeOptions): OpLoop {
  const lanes = new LaneConnections(o.address);
  // 2 s: a 1.5 s connect plus the insert; the statement's own 1.8 s timeout ends a hung one first.
  return new OpLoop({ process: o.process ?? "mysql", history: o.history, rateHz: o.rateHz, timeoutMs: 2000, maxInFlight: o.maxInFlight, onStop: () => lanes.closeAll() }, (i, lane) => ({
    f: "insert",
    value: i + 1,
    run: (signal) => lanes.use(lane, signal, 1500, async (c) => void (await c.query({ sql: `INSERT INTO \`${o.table}\` (seq) VALUES (?)`, timeout: 1800 }, [i + 1]))),
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
 * A client reading `SELECT 1` from one node at `address` (op `read`), with `timeoutMs` per statement and
 * connect, open loop: used to calibrate outage measurement against a fault of known length.
 */
export function mysqlReader(o: { history: History; address: string; process: string; rateHz?: number; timeoutMs?: number; maxInFlight?: number }): OpLoop {
  const lanes = new LaneConnections(o.address);
  const timeout = o.timeoutMs ?? 500;
  return new OpLoop({ process: o.process, history: o.history, rateHz: o.rateHz, timeoutMs: timeout + 200, maxInFlight: o.maxInFlight, onStop: () => lanes.closeAll() }, (_, lane) => ({
    f: "read",
    run: (signal) => lanes.use(lane, signal, timeout, async (c) => void (await c.query({ sql: "SELECT 1", timeout }))),
  }));
}
