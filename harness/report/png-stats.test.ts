import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pngStats } from "./png-stats.ts";

function chunk(kind: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(kind, "latin1"), data, Buffer.alloc(4)]); // CRC is not checked
}

/** An 8-bit RGB PNG of `rows` (each a list of [r,g,b]), every scanline stored with `filter` (0 none, 1 sub, 2 up). */
function png(rows: number[][][], filter = 0): Buffer {
  const w = rows[0].length,
    h = rows.length;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw: number[] = [];
  rows.forEach((row, y) => {
    raw.push(filter);
    row.flat().forEach((v, i) => {
      const left = i >= 3 ? row.flat()[i - 3] : 0,
        up = y > 0 ? rows[y - 1].flat()[i] : 0;
      raw.push((v - (filter === 1 ? left : filter === 2 ? up : 0)) & 0xff);
    });
  });
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.from(raw))), chunk("IEND", Buffer.alloc(0))]);
}

describe("pngStats", () => {
  const white = [255, 255, 255],
    red = [214, 39, 40],
    green = [44, 160, 44];

  it("counts one colour in a blank image", () => {
    expect(
      pngStats(
        png([
          [white, white],
          [white, white],
        ]),
      ),
    ).toEqual({ width: 2, height: 2, colours: 1 });
  });

  it.each([0, 1, 2])("counts distinct colours through filter %i", (filter) => {
    expect(
      pngStats(
        png(
          [
            [white, red, green],
            [green, green, white],
          ],
          filter,
        ),
      ).colours,
    ).toBe(3);
  });

  it("stops counting at maxColours and rejects what is not a PNG", () => {
    expect(pngStats(png([[white, red, green]]), 2).colours).toBe(2);
    expect(() => pngStats(Buffer.from("<html>"))).toThrow(/not a PNG/);
  });
});
