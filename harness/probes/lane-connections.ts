import type { Connection } from "mysql2/promise";
import { classifyMysqlError } from "./mysql-errors.ts";
import { probeConnection } from "./mysql-connection.ts";

/**
 * One probe-account MySQL connection per OpLoop lane, each lane a client of its own: opened on first use,
 * destroyed after any failure or when the op's signal aborts (its timeout), so the lane's next op reconnects.
 */
export class LaneConnections {
  private readonly lanes = new Map<number, { conn: Connection; node: string }>();

  constructor(private readonly address: string) {}

  /** Runs `query` on `lane`'s connection; resolves with the serving node, rejects with a classified MySQL error. */
  async use(lane: number, signal: AbortSignal, connectTimeoutMs: number, query: (c: Connection) => Promise<void>): Promise<{ host: string }> {
    let connected = false;
    let cur = this.lanes.get(lane);
    // Only this op's own connection: a late failure must not close one a later op on the lane opened.
    const drop = () => {
      cur?.conn.destroy();
      if (cur && this.lanes.get(lane) === cur) this.lanes.delete(lane);
    };
    signal.addEventListener("abort", drop, { once: true });
    try {
      if (!cur) {
        const opened = await probeConnection(this.address, connectTimeoutMs);
        if (signal.aborted) {
          opened.conn.destroy();
          throw new Error("connected after the op timed out");
        }
        cur = opened;
        this.lanes.set(lane, cur);
      }
      connected = true;
      await query(cur.conn);
      return { host: cur.node };
    } catch (e) {
      drop();
      throw classifyMysqlError(e, connected);
    } finally {
      signal.removeEventListener("abort", drop);
    }
  }

  /** Closes every lane's connection (at the loop's stop). */
  closeAll(): void {
    for (const c of this.lanes.values()) c.conn.destroy();
    this.lanes.clear();
  }
}
