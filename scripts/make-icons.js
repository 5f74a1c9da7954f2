#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16/32/64/80.png) with no image library: the shapes are
 * sampled 4×4 per pixel for anti-aliasing and written as RGBA PNG through zlib. The PNGs are
 * committed; run this again only when the design changes: `node scripts/make-icons.js`.
 *
 * Design: a rounded green square with three rising white bars (target → realisasi → capaian).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.join(__dirname, "..", "assets");
const GREEN = [16, 124, 65]; // #107C41
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

/** Shapes in unit coordinates (0..1), y downwards. */
function insideRoundedSquare(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

const BARS = [
  { x0: 0.2, x1: 0.36, top: 0.56 },
  { x0: 0.42, x1: 0.58, top: 0.4 },
  { x0: 0.64, x1: 0.8, top: 0.22 },
];
const BASE = 0.8;

function insideBar(x, y) {
  return BARS.some((b) => x >= b.x0 && x <= b.x1 && y >= b.top && y <= BASE);
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (insideBar(x, y)) fg++;
          else bg++;
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE;
      const covered = bg + fg;
      const i = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((GREEN[c] * bg + WHITE[c] * fg) / covered);
      rgba[i + 3] = Math.round((255 * covered) / n);
    }
  }
  return encodePng(size, size, rgba);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace: 0
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, render(size));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

module.exports = { render, SIZES };
