import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serveReports } from "./serve.ts";

function get(url: string, rawPath: string): Promise<{ status: number; type?: string; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    request({ host: u.hostname, port: u.port, path: rawPath }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
    })
      .on("error", reject)
      .end();
  });
}

describe("serveReports", () => {
  it("serves the directory on 127.0.0.1 only, index.html for a directory, and refuses paths outside it", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "haproof-serve-"));
    mkdirSync(path.join(root, "run"));
    writeFileSync(path.join(root, "run", "index.html"), "<p>hi</p>");
    writeFileSync(path.join(root, "acceptance.md"), "# ok");
    const server = await serveReports(root);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await get(server.url, "/run/")).toMatchObject({ status: 200, type: "text/html; charset=utf-8", body: "<p>hi</p>" });
      expect(await get(server.url, "/acceptance.md")).toMatchObject({ status: 200, body: "# ok" });
      expect((await get(server.url, "/nope")).status).toBe(404);
      expect((await get(server.url, "/..%2f..%2fetc%2fpasswd")).status).toBe(403);
    } finally {
      await server.close();
      await server.close();
    }
  });
});
