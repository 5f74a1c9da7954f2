/**
 * Laporan at scale: every report of seven jabatan from a workbook whose Rincian SIPD holds 100 000 rows
 * (a synthetic LRA imported), as the pane's "semua jabatan" does it — prepare (read the model, Periksa,
 * build the seven reports, look at their sheets), then one .docx of all seven and one portable .xlsx.
 * Reported as a ratio to one full read of the workbook model measured in the same run, and in ms.
 */
import { readWorkbookModel } from "../src/app/read-model";
import { prepareReports } from "../src/app/report";
import { exportDocx, exportReportXlsx } from "../src/app/report-export";
import { CAPAIAN, PERJANJIAN_KINERJA, TABLE_ROWS, colIndex, type SheetKeys } from "../src/core/layouts";
import type { CellContent, WorkbookOp } from "../src/workbook/port";
import type { MemoryWorkbook } from "../src/workbook/memory/memory-workbook";
import { collect, median, type BenchResult } from "./harness";
import { importedSyntheticLra } from "./synthetic-workbook";

const LRA_ROWS = 100_000;
const JABATAN = ["Camat", "Sekretaris Kecamatan", "Kasubbag Umum dan Kepegawaian", "Kasubbag Keuangan", "Kasi Pemerintahan", "Kasi Pemberdayaan Masyarakat", "Kasi Pelayanan Umum"];
/** PK rows per jabatan: a sasaran, a program and its kegiatan and sub kegiatan, as the 2024 reports have. */
const ROWS_PER_JABATAN = 20;

export async function __workbook(): Promise<MemoryWorkbook> {
  return workbook();
}

async function workbook(): Promise<MemoryWorkbook> {
  const { wb, lra } = await importedSyntheticLra(LRA_ROWS, { pemda: "Pemerintah Kabupaten Contoh" });
  const subs = lra.subKegiatan.map((x) => x.notation);
  const pk: CellContent[][] = [];
  const cap: CellContent[][] = [];
  JABATAN.forEach((jabatan, j) => {
    for (let i = 0; i < ROWS_PER_JABATAN; i++) {
      const row: CellContent[] = Array(PERJANJIAN_KINERJA.columns.length).fill(null);
      const set = (k: SheetKeys["pk"], v: CellContent) => (row[colIndex(PERJANJIAN_KINERJA, k)] = v);
      set("jabatan", jabatan);
      set("no", String(i + 1));
      set("level", "Sub Kegiatan");
      set("kode", subs[(j * ROWS_PER_JABATAN + i) % subs.length]!);
      set("sasaran", `Meningkatnya kualitas layanan ${jabatan} bidang ${i % 4}`);
      set("indikator", `Jumlah dokumen layanan ${i + 1} yang diselesaikan tepat waktu`);
      set("satuan", "Dokumen");
      set("polaritas", "positif");
      set("metode", "terakhir");
      set("targetAwal", 12);
      pk.push(row);
      cap.push([3, 6 + (i % 5), null, null]);
    }
  });
  const F = TABLE_ROWS.firstData;
  const ops: WorkbookOp[] = [
    { type: "write", sheet: PERJANJIAN_KINERJA.sheet, row: F, col: 0, cells: pk },
    { type: "write", sheet: CAPAIAN.sheet, row: F, col: colIndex(CAPAIAN, "tw1"), cells: cap },
  ];
  await wb.apply(ops);
  return wb;
}

async function timeOf(fn: () => Promise<unknown>): Promise<number> {
  collect();
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function reportBenchmarks(): Promise<BenchResult[]> {
  const wb = await workbook();
  const model = await readWorkbookModel(wb);
  const rincian = model.rincian?.rowCount() ?? 0;
  const cells = model.sheets.reduce((n, s) => n + (s.cells?.length ?? 0) * (s.cells?.[0]?.length ?? 0), 0);

  // warm-up of every step (JIT, the lazily imported renderers, the chart fonts)
  const warm = await prepareReports(wb);
  if (warm.reports.length !== JABATAN.length) throw new Error(`expected ${JABATAN.length} reports, got ${warm.reports.length}`);
  await exportDocx(warm.reports);
  await exportReportXlsx(warm.reports);

  const RUNS = 5;
  const read: number[] = [];
  const prepare: number[] = [];
  const docx: number[] = [];
  const xlsx: number[] = [];
  const all: number[] = [];
  const ratios: number[] = [];
  let docxBytes = 0;
  let xlsxBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const tRead = await timeOf(() => readWorkbookModel(wb));
    let prep = warm;
    const tPrep = await timeOf(async () => (prep = await prepareReports(wb)));
    const tDocx = await timeOf(async () => (docxBytes = (await exportDocx(prep.reports)).length));
    const tXlsx = await timeOf(async () => (xlsxBytes = (await exportReportXlsx(prep.reports)).length));
    read.push(tRead);
    prepare.push(tPrep);
    docx.push(tDocx);
    xlsx.push(tXlsx);
    all.push(tPrep + tDocx + tXlsx);
    ratios.push((tPrep + tDocx + tXlsx) / tRead);
  }
  const result = (name: string, ms: number[], extra?: BenchResult["extra"]): BenchResult => {
    const m = median(ms);
    return { name, unit: "sel", items: cells, medianMs: m, perSecond: cells / (m / 1000), ...(extra ? { extra } : {}) };
  };
  const readMs = median(read);
  return [
    result(`read the workbook model (${JABATAN.length} jabatan × ${ROWS_PER_JABATAN} indikator, ${rincian.toLocaleString("id-ID")} baris Rincian SIPD)`, read),
    result("Laporan: prepare (read + Periksa + 7 reports + their sheets)", prepare, { "rasio terhadap membaca model": `${(median(prepare) / readMs).toFixed(2)}×` }),
    result("Laporan: .docx of the 7 reports", docx, { bytes: docxBytes }),
    result("Laporan: .xlsx of the 7 reports", xlsx, { bytes: xlsxBytes }),
    result("Laporan: all 7 reports, prepare + .docx + .xlsx", all, {
      "rasio terhadap membaca model": `${median(ratios).toFixed(2)}× (median of ${RUNS} runs; ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    }),
  ];
}
