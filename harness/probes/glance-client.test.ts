import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadSha256, sha256 } from "./glance-client.ts";

// A loopback stand-in for Glance's image file endpoint: whole, cut short, or slow.
const body = Buffer.alloc(3 * 65536 + 17, 7);
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.endsWith("/whole/file")) return void res.end(body);
    if (req.url?.endsWith("/short/file")) {
      res.writeHead(200, { "Content-Length": String(body.length) });
      res.write(body.subarray(0, 1000));
      return void setTimeout(() => res.destroy(), 20);
    }
    if (req.url?.endsWith("/slow/file")) {
      res.writeHead(200, { "Content-Length": String(body.length) });
      return void res.write(body.subarray(0, 10)); // never finishes
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("downloadSha256", () => {
  it("hashes the whole streamed body", async () => {
    expect(await downloadSha256(base, "t", "whole")).toBe(sha256(body));
  });

  it("rejects a body cut short instead of hashing part of it", async () => {
    await expect(downloadSha256(base, "t", "short")).rejects.toThrow();
  });

  it("rejects a body that stalls past the timeout", async () => {
    await expect(downloadSha256(base, "t", "slow", 300)).rejects.toThrow();
  });

  it("rejects a non-2xx answer", async () => {
    await expect(downloadSha256(base, "t", "missing")).rejects.toThrow(/404/);
  });
});
