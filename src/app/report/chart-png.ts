/**
 * Report charts as pictures: the core's SVG, and a PNG made from it where the renderer runs — under
 * Node (CLI, tests) by resvg, a registry package that ships its binary (no browser, no native build);
 * in the task pane by the browser's own canvas. The resvg import is dynamic and aliased away in the
 * webpack build (webpack.config.js), so the task pane bundle never carries it.
 */
import { chartSvg, type ChartSvgOptions } from "../../core/report/chart-svg";
import type { ReportChart } from "../../core/report/types";

export interface ChartImage {
  svg: string;
  png: Uint8Array;
  /** Size of the picture in CSS px (the SVG's); the PNG has `scale` times as many pixels. */
  width: number;
  height: number;
}

export interface ChartImageOptions extends ChartSvgOptions {
  /** Pixels per CSS px of the PNG: 2 gives about 250 dpi at 16 cm wide. Default 2. */
  scale?: number;
}

export async function chartImage(chart: ReportChart, options: ChartImageOptions = {}): Promise<ChartImage> {
  const { svg, width, height } = chartSvg(chart, options);
  return { svg, width, height, png: await svgToPng(svg, width, options.scale ?? 2) };
}

const isNode = (): boolean => typeof process !== "undefined" && typeof process.versions?.node === "string";

/** The SVG as PNG bytes, `width × scale` pixels wide. */
export async function svgToPng(svg: string, width: number, scale = 2): Promise<Uint8Array> {
  if (isNode()) return svgToPngNode(svg, Math.round(width * scale));
  return svgToPngInBrowser(svg, scale);
}

async function svgToPngNode(svg: string, pixels: number): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: pixels },
    background: "#FFFFFF",
    // the SVG names its fonts (DejaVu Sans, Liberation Sans, Arial); system fonts supply whichever exists
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    logLevel: "off",
  })
    .render()
    .asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * The browser's way: the SVG drawn on a canvas. Self-contained (no imports, no closures) so a test
 * can run this very function in Chromium.
 */
export async function svgToPngInBrowser(svg: string, scale: number): Promise<Uint8Array> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(image.naturalWidth * scale);
  canvas.height = Math.round(image.naturalHeight * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("Canvas 2D tidak tersedia di peramban ini.");
  context.fillStyle = "#FFFFFF";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("Peramban tidak dapat membuat gambar PNG dari grafik.");
  return new Uint8Array(await blob.arrayBuffer());
}
