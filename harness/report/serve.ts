import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".jsonl": "application/x-ndjson",
  ".log": "text/plain; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
};

/** A running static file server. */
export interface ReportServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  /** Stops listening; idempotent. */
  close(): Promise<void>;
}

/**
 * Serves `root` read-only on 127.0.0.1 (never another interface) at `port` (0: any free port).
 * A directory serves its index.html; paths outside root are refused (403). Resolves once listening.
 */
export function serveReports(root: string, port = 0): Promise<ReportServer> {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      return void res.writeHead(400).end("bad path");
    }
    let file = path.join(base, rel);
    if (file !== base && !file.startsWith(base + path.sep)) return void res.writeHead(403).end("outside the reports directory");
    try {
      if (statSync(file).isDirectory()) file = path.join(file, "index.html");
      const size = statSync(file).size;
      res.writeHead(200, { "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream", "content-length": size, "cache-control": "no-store" });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: p } = server.address() as AddressInfo;
      let closed: Promise<void> | undefined;
      resolve({
        url: `http://127.0.0.1:${p}/`,
        close: () =>
          (closed ??= new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          })),
      });
    });
  });
}
