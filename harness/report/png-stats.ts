import { inflateSync } from "node:zlib";

/** What {@link pngStats} measured of an image. */
export interface PngStats {
  width: number;
  height: number;
  /** Distinct pixel colours, counted up to `maxColours`. */
  colours: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Decodes an 8-bit, non-interlaced greyscale/RGB(A) PNG (what Chromium screenshots are) just enough to count
 * its distinct colours (stops at `maxColours`). Throws on anything else or a corrupt file. Pure.
 */
export function pngStats(png: Buffer, maxColours = 256): PngStats {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  let width = 0,
    height = 0,
    depth = 0,
    type = 0,
    interlace = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const len = png.readUInt32BE(at);
    const kind = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (kind === "IHDR") [width, height, depth, type, interlace] = [data.readUInt32BE(0), data.readUInt32BE(4), data[8], data[9], data[12]];
    else if (kind === "IDAT") idat.push(data);
    else if (kind === "IEND") break;
    at += 12 + len;
  }
  const channels = CHANNELS[type];
  if (!width || !height || depth !== 8 || interlace !== 0 || !channels) throw new Error(`unsupported PNG: depth ${depth}, colour type ${type}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error("truncated PNG data");
  let prev = Buffer.alloc(stride);
  const seen = new Set<string>();
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    unfilter(filter, line, prev, channels);
    for (let x = 0; x < stride && seen.size < maxColours; x += channels) seen.add(line.toString("latin1", x, x + channels));
    prev = line;
  }
  return { width, height, colours: seen.size };
}

function unfilter(filter: number, line: Buffer, prev: Buffer, bpp: number): void {
  for (let i = 0; i < line.length; i++) {
    const a = i >= bpp ? line[i - bpp] : 0,
      b = prev[i],
      c = i >= bpp ? prev[i - bpp] : 0;
    const p = a + b - c,
      pa = Math.abs(p - a),
      pb = Math.abs(p - b),
      pc = Math.abs(p - c);
    const add = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? (pa <= pb && pa <= pc ? a : pb <= pc ? b : c) : NaN;
    if (Number.isNaN(add)) throw new Error(`bad PNG filter ${filter}`);
    line[i] = (line[i] + add) & 0xff;
  }
}
