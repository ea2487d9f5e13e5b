import mysql, { type Connection } from "mysql2/promise";
import { GALERA_ACCOUNTS } from "../formation/galera-sql.ts";

/** Opens a probe-account connection to `address` (connect timeout `connectTimeoutMs`); tags it with the serving node. */
export async function probeConnection(address: string, connectTimeoutMs = 1500): Promise<{ conn: Connection; node: string }> {
  const { user, password, database } = GALERA_ACCOUNTS.probe;
  const conn = await mysql.createConnection({ host: address, user, password, database, connectTimeout: connectTimeoutMs });
  conn.on("error", () => undefined); // a lost connection surfaces on the next query instead
  const [rows] = await conn.query("SELECT @@hostname AS node");
  return { conn, node: (rows as Array<{ node: string }>)[0].node };
}
