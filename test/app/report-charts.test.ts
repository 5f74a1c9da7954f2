/**
 * Chart pictures from the real 2024 report: PNG from the SVG under Node (resvg, no browser) and in
 * Chromium through the task pane's canvas path — same size, a real PNG, the text drawn (a PNG of the
 * chart without fonts would be mostly the empty plot). Kept under out/report/ to look at.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { chromium } from "playwright-core";
import { readWorkbookModel } from "../../src/app/read-model";
import { chartImage, svgToPngInBrowser } from "../../src/app/report/chart-png";
import { buildReport, reportJabatan } from "../../src/core/report/build";
import type { Report } from "../../src/core/report/types";
import { correctWorkbook2024 } from "../support/workbooks";

jest.setTimeout(60_000);
const OUT = join(__dirname, "../../out/report");
let report: Report;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const model = await readWorkbookModel(await correctWorkbook2024());
  report = buildReport(model, { jabatan: reportJabatan(model)[0]! });
});

function unfilter(filter: number, a: number, b: number, c: number): number {
  if (filter === 0) return 0;
  if (filter === 1) return a;
  if (filter === 2) return b;
  if (filter === 3) return (a + b) >> 1;
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Width, height and the share of non-white pixels of an 8-bit RGB(A) PNG (filters undone). */
function pngStats(png: Uint8Array): { width: number; height: number; inked: number } {
  const buf = Buffer.from(png);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("ascii", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    }
    if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  let inked = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? line[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      line[x] = (v + unfilter(filter, a, b, c)) & 0xff;
    }
    for (let x = 0; x < width; x++) if (line[x * channels]! < 200 || line[x * channels + 1]! < 200 || line[x * channels + 2]! < 200) inked++;
    prev.set(line);
  }
  return { width, height, inked: inked / (width * height) };
}

test("each chart renders to a PNG under Node, twice the SVG's size, with its bars and text drawn", async () => {
  for (const chart of report.charts) {
    const started = Date.now();
    const image = await chartImage(chart);
    const ms = Date.now() - started;
    writeFileSync(join(OUT, `grafik-${chart.id}.png`), image.png);
    writeFileSync(join(OUT, `grafik-${chart.id}.svg`), image.svg);
    const stats = pngStats(image.png);
    expect([stats.width, stats.height]).toEqual([image.width * 2, image.height * 2]);
    // bars, labels and the axis ink between 3% and 40% of the picture: not blank, not a black box
    expect(stats.inked).toBeGreaterThan(0.03);
    expect(stats.inked).toBeLessThan(0.4);
    expect(ms).toBeLessThan(10_000);
  }
});

test("the PNG without any font has far less ink: the text in the Node PNG is really drawn", async () => {
  const { Resvg } = await import("@resvg/resvg-js");
  const image = await chartImage(report.charts[0]!);
  const bare = new Resvg(image.svg, { fitTo: { mode: "width", value: image.width * 2 }, background: "#FFFFFF", font: { loadSystemFonts: false } }).render().asPng();
  expect(pngStats(image.png).inked).toBeGreaterThan(pngStats(new Uint8Array(bare)).inked * 1.3);
});

test("the task pane's canvas path makes the same picture in Chromium", async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const page = await browser.newPage();
    const chart = report.charts.find((c) => c.id === "capaian")!;
    const image = await chartImage(chart);
    // the very function the task pane runs, sent to the page as source
    const bytes = await page.evaluate(
      async ({ source, svg }) => {
        const f = new Function(`return (${source})`)() as (svg: string, scale: number) => Promise<Uint8Array>;
        return Array.from(await f(svg, 2));
      },
      { source: svgToPngInBrowser.toString(), svg: image.svg },
    );
    const png = new Uint8Array(bytes);
    writeFileSync(join(OUT, "grafik-capaian-chromium.png"), png);
    const stats = pngStats(png);
    expect([stats.width, stats.height]).toEqual([image.width * 2, image.height * 2]);
    expect(Math.abs(stats.inked - pngStats(image.png).inked)).toBeLessThan(0.05);
  } finally {
    await browser.close();
  }
});
