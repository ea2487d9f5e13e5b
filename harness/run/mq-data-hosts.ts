import { lbStatus } from "../observe/index.ts";
import type { Site } from "../site/index.ts";

/**
 * The data host HAProxy sends DB writes to, as the load balancer holding the DB VIP reports it;
 * throws if no balancer holds the VIP or none has an active backend.
 */
export async function dbWriter(running: Site): Promise<string> {
  const vip = running.vipAddress("db");
  const views = await Promise.all(running.hostsOf("lb").map((h) => lbStatus(h, vip)));
  const holder = views.find((v) => v.holdsVip && v.activeBackend);
  if (!holder?.activeBackend) throw new Error(`no load balancer holds the DB VIP with an active backend: ${JSON.stringify(views)}`);
  return holder.activeBackend;
}
