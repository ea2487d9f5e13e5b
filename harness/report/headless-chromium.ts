import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Where Chromium is looked for: HAPROOF_CHROMIUM, then Debian's and other usual paths. */
const CANDIDATES = [process.env.HAPROOF_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium executable to use, or undefined when none is installed (Debian: `apt-get install -y chromium`). */
export function findChromium(): string | undefined {
  return CANDIDATES.find((p): p is string => {
    if (!p) return false;
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Options of a headless Chromium call. */
export interface HeadlessOptions {
  /** Window size; default 1400x900. */
  width?: number;
  height?: number;
  /** Virtual time Chromium lets scripts run before it captures (ms); default 5000. */
  settleMs?: number;
  /** Executable; default {@link findChromium}. */
  chromium?: string;
  timeoutMs?: number;
}

function run(url: string, extra: string[], o: HeadlessOptions): Promise<string> {
  const bin = o.chromium ?? findChromium();
  if (!bin) return Promise.reject(new Error("no Chromium found (apt-get install -y chromium, or set HAPROOF_CHROMIUM)"));
  const profile = mkdtempSync(path.join(tmpdir(), "haproof-chromium-"));
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    `--user-data-dir=${profile}`,
    `--window-size=${o.width ?? 1400},${o.height ?? 900}`,
    `--virtual-time-budget=${o.settleMs ?? 5000}`,
    ...extra,
    url,
  ];
  return new Promise<string>((resolve, reject) => {
    execFile(bin, args, { timeout: o.timeoutMs ?? 60_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (err) reject(new Error(`${bin} ${url} failed (${err.code ?? err.signal}): ${stderr.trim().split("\n").slice(-5).join(" | ")}`));
      else resolve(stdout);
    });
  });
}

/** Renders `url` (file:// or http://) headless and writes a PNG screenshot to `file`; overwrites it. */
export async function screenshot(url: string, file: string, opts: HeadlessOptions = {}): Promise<void> {
  await run(url, [`--screenshot=${path.resolve(file)}`], opts);
}

/** Renders `url` headless, runs its scripts for `settleMs` of virtual time, and returns the serialized DOM. */
export function dumpDom(url: string, opts: HeadlessOptions = {}): Promise<string> {
  return run(url, ["--dump-dom"], opts);
}
