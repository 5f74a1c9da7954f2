/**
 * The task pane's first load against a minimal React + Fluent UI + zod page, both built in this run
 * with the product's own webpack config (production mode, no source maps): the JavaScript the page
 * loads before it shows anything (the entry scripts: functions.js, which registers the custom
 * functions, and taskpane.js), gzip, as a ratio to the minimal page's. The panels, the grid, the
 * workbook adapters and ExcelJS are chunks fetched when first used, so they are not counted.
 * Fails above MAX_RATIO (issue 10: a lighter first load).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";
import type { BenchResult } from "./harness";

export const MAX_RATIO = 1.3;

const ROOT = join(__dirname, "..", "..", "..");
const OUT = join(ROOT, "out", "bench-bundle");

interface Built {
  /** Initial scripts and their gzip size in bytes. */
  files: { name: string; gzip: number; bytes: number }[];
  gzip: number;
  ms: number;
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => webpack.Configuration;

/** The product's config (webpack.config.js), for an output folder of this benchmark. */
function productConfig(outDir: string): webpack.Configuration {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createConfig } = require(join(ROOT, "webpack.config.js")) as { createConfig: ConfigFactory };
  const config = createConfig({}, { mode: "production" });
  return {
    ...config,
    devtool: false,
    // the page and the copied office.js are not scripts of ours; the custom functions' metadata plugin stays
    // (it appends the registration calls to functions.js)
    plugins: (config.plugins ?? []).filter((p) => !!p && !["HtmlWebpackPlugin", "CopyPlugin"].includes(p.constructor.name)),
    output: { ...config.output, path: outDir, clean: true },
    performance: false,
    stats: "errors-only",
  };
}

function build(config: webpack.Configuration): Promise<Built> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString("errors-only") ?? "webpack gave no stats"));
      const json = stats.toJson({ all: false, entrypoints: true, outputPath: true });
      const names = new Set<string>();
      for (const entry of Object.values(json.entrypoints ?? {})) for (const a of entry.assets ?? []) if (a.name.endsWith(".js")) names.add(a.name);
      const files = [...names].sort().map((name) => {
        const bytes = readFileSync(join(json.outputPath!, name));
        return { name, bytes: bytes.length, gzip: gzipSync(bytes).length };
      });
      resolve({ files, gzip: files.reduce((n, f) => n + f.gzip, 0), ms: Date.now() - t0 });
    });
  });
}

const kib = (bytes: number) => (bytes / 1024).toLocaleString("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export async function bundleBenchmarks(): Promise<BenchResult[]> {
  mkdirSync(OUT, { recursive: true });
  const app = await build(productConfig(join(OUT, "app")));
  const shellConfig = productConfig(join(OUT, "shell"));
  const shell = await build({ ...shellConfig, entry: { shell: join(ROOT, "bench", "bundle-shell", "shell.tsx") }, plugins: [] });
  const ratio = app.gzip / shell.gzip;

  console.log("\nMuatan awal task pane (JavaScript sebelum panel tampil, gzip):");
  for (const f of app.files) console.log(`  ${f.name.padEnd(16)} ${kib(f.gzip).padStart(7)} KiB   (${kib(f.bytes)} KiB tanpa gzip)`);
  console.log(`  ${"jumlah".padEnd(16)} ${kib(app.gzip).padStart(7)} KiB`);
  console.log(`Cangkang minimal React + Fluent UI + zod, konfigurasi webpack yang sama: ${kib(shell.gzip)} KiB`);
  console.log(`Rasio: ${ratio.toLocaleString("id-ID", { maximumFractionDigits: 2 })}× (batas ${MAX_RATIO.toLocaleString("id-ID")}×)`);

  const result: BenchResult = {
    name: "muatan awal task pane ÷ cangkang minimal (gzip)",
    unit: "build",
    items: 1,
    medianMs: app.ms + shell.ms,
    perSecond: 1000 / (app.ms + shell.ms),
    extra: {
      "muatan awal (gzip)": `${kib(app.gzip)} KiB`,
      "cangkang minimal (gzip)": `${kib(shell.gzip)} KiB`,
      rasio: `${ratio.toLocaleString("id-ID", { maximumFractionDigits: 2 })}× (batas ${MAX_RATIO.toLocaleString("id-ID")}×)`,
    },
  };
  if (ratio > MAX_RATIO) {
    throw new Error(`Muatan awal task pane ${kib(app.gzip)} KiB = ${ratio.toFixed(2)}× cangkang minimal, di atas batas ${MAX_RATIO}×.`);
  }
  return [result];
}
