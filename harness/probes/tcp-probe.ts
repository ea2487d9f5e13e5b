import { connect } from "node:net";
import type { History } from "../history/index.ts";
import { OpLoop } from "./op-loop.ts";
import { DefiniteFailure } from "./probe.ts";

/** Opens and closes one TCP connection; resolves when connected, rejects (definite) otherwise. */
export function tcpConnect(address: string, port: number, timeoutMs = 1000): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: address, port, timeout: timeoutMs });
    s.once("connect", () => {
      s.destroy();
      resolve();
    });
    s.once("timeout", () => {
      s.destroy();
      reject(new DefiniteFailure(`connect ${address}:${port} timed out`, "ETIMEDOUT"));
    });
    s.once("error", (e: NodeJS.ErrnoException) => reject(new DefiniteFailure(e.message, e.code)));
  });
}

/** A client connecting to `address:port` at a fixed rate, open loop (op `connect`), process `tcp:<label>`. */
export function tcpProbe(o: { history: History; label: string; address: string; port: number; rateHz?: number }): OpLoop {
  // 1.5 s: the connect's own 1 s timeout fails it first; the rest is slack for a loaded event loop.
  return new OpLoop({ process: `tcp:${o.label}`, history: o.history, rateHz: o.rateHz, timeoutMs: 1500 }, () => ({
    f: "connect",
    value: `${o.address}:${o.port}`,
    run: () => tcpConnect(o.address, o.port),
  }));
}
