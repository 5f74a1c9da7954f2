/**
 * A 50 MB SIPD export imported into an .xlsx by the CLI, as a user runs it: `sakip import-sipd
 * buku.xlsx lra.tsv` into a new workbook, then again into the workbook that now holds it (the second
 * run reads the first run's 310 000-row "Rincian SIPD" back). Each run is its own process, so its peak
 * resident memory is its own; the target is under 60 s and under 1.5 GB each.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLra } from "../src/core/sipd";
import type { BenchResult } from "./harness";

/** Rows of the synthetic export: about 50 MB of text. */
const ROWS = 310_000;
const LIMIT_S = 60;
const LIMIT_MB = 1500;

interface Run {
  ms: number;
  maxRssMb: number;
  cpuS: number;
}

function runCli(root: string, args: string[], report: string): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", join(__dirname, "peak-memory.js"), join(root, "bin", "sakip.js"), ...args], {
    cwd: root,
    env: { ...process.env, SAKIP_BENCH_REPORT: report },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`sakip ${args.join(" ")} gagal (${r.status ?? r.signal}):\n${r.stderr}`);
  const usage = JSON.parse(readFileSync(report, "utf8")) as { maxRssKb: number; cpuMs: number };
  return { ms, maxRssMb: usage.maxRssKb / 1024, cpuS: usage.cpuMs / 1000 };
}

export function xlsxBenchmarks(): BenchResult[] {
  const root = join(__dirname, "..", "..", "..");
  const dir = mkdtempSync(join(tmpdir(), "sakip-bench-"));
  try {
    const text = generateLra(ROWS, 1);
    const mb = Buffer.byteLength(text, "utf8") / 1e6;
    const lra = join(dir, "lra.tsv");
    writeFileSync(lra, text);
    const book = join(dir, "buku.xlsx");
    const label = `${mb.toLocaleString("id-ID", { maximumFractionDigits: 1 })} MB`;
    const results: BenchResult[] = [];
    for (const [name, step] of [
      [`sakip import-sipd, ekspor ${label} ke .xlsx baru`, "pertama"],
      [`sakip import-sipd, ekspor ${label} lagi ke .xlsx hasilnya`, "kedua"],
    ] as const) {
      const run = runCli(root, ["import-sipd", book, lra], join(dir, `usage-${step}.json`));
      results.push({
        name,
        unit: "baris",
        items: ROWS,
        medianMs: run.ms,
        perSecond: ROWS / (run.ms / 1000),
        extra: {
          "waktu (s)": run.ms / 1000,
          "waktu CPU (s)": run.cpuS,
          "memori puncak (MB)": run.maxRssMb,
          "ukuran .xlsx (MB)": statSync(book).size / 1e6,
          target: `< ${LIMIT_S} s dan < ${LIMIT_MB.toLocaleString("id-ID")} MB: ${run.ms / 1000 < LIMIT_S && run.maxRssMb < LIMIT_MB ? "tercapai" : "TIDAK tercapai"}`,
        },
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
