/**
 * Periksa at scale: a workbook with 10 000 indicator rows (PK, Capaian, Cost per Outcome) and a
 * 100 000-row Rincian SIPD (a synthetic LRA imported), validated; the cost is reported as a ratio to
 * one full read of the workbook model (the port's reads and the model's construction), measured in
 * the same run. Target: ≤ 3×. Then the same workbook broken, and the same workbook in Excel (the
 * Office.js adapter over the fake): its round trips and largest response.
 */
import { readWorkbookModel } from "../src/app/read-model";
import { scaffold } from "../src/app/scaffold";
import { countBySeverity } from "../src/core/findings";
import { CAPAIAN, COST_PER_OUTCOME, PERJANJIAN_KINERJA, TABLE_ROWS, colIndex, type SheetKeys } from "../src/core/layouts";
import type { TableSheetId } from "../src/core/layouts/types";
import { validateModel } from "../src/core/rules";
import { validateWorkbook } from "../src/app/validate";
import { OfficeWorkbook } from "../src/workbook/office/office-workbook";
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from "../test/support/fake-excel";
import type { CellContent, WorkbookOp, WorkbookPort } from "../src/workbook/port";
import type { MemoryWorkbook } from "../src/workbook/memory/memory-workbook";
import { collect, compare, median, type BenchResult } from "./harness";
import { importedSyntheticLra } from "./synthetic-workbook";

const INDICATORS = 10_000;
const LRA_ROWS = 100_000;
/** pairs of read and validate; the ratio is their median */
const PAIRS = 11;

export async function __workbook(): Promise<MemoryWorkbook> {
  return workbook();
}

async function workbook(): Promise<MemoryWorkbook>;
async function workbook<P extends WorkbookPort>(port: P): Promise<P>;
async function workbook(port?: WorkbookPort): Promise<WorkbookPort> {
  const { wb, lra } = await importedSyntheticLra(LRA_ROWS, {}, port);
  const subs = lra.subKegiatan.map((x) => x.notation);
  const F = TABLE_ROWS.firstData;
  const jabatan = ["Camat", "Sekretaris Kecamatan", "Kasubbag Keuangan", "Kasi Pemerintahan"];
  const pk: CellContent[][] = [];
  const cap: CellContent[][] = [];
  const ids: CellContent[][] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const row: CellContent[] = Array(PERJANJIAN_KINERJA.columns.length).fill(null);
    const set = (k: SheetKeys["pk"], v: CellContent) => (row[colIndex(PERJANJIAN_KINERJA, k)] = v);
    set("id", `IK-${String(i + 1).padStart(3, "0")}`);
    set("jabatan", jabatan[i % jabatan.length]!);
    set("no", String((i % 9) + 1));
    set("level", "Sub Kegiatan");
    set("kode", subs[i % subs.length]!);
    set("sasaran", `Sasaran ${i}`);
    set("indikator", `Jumlah dokumen ${i}`);
    set("satuan", "Dokumen");
    set("polaritas", "positif");
    set("metode", "terakhir");
    set("targetAwal", 12);
    pk.push(row);
    ids.push([`IK-${String(i + 1).padStart(3, "0")}`]);
    const c: CellContent[] = Array(4).fill(null);
    c[0] = 3;
    c[1] = i % 10 === 0 ? 0 : 6;
    cap.push(c);
  }
  const ops: WorkbookOp[] = [
    { type: "write", sheet: PERJANJIAN_KINERJA.sheet, row: F, col: 0, cells: pk },
    { type: "write", sheet: CAPAIAN.sheet, row: F, col: colIndex(CAPAIAN, "tw1"), cells: cap },
    // Capaian and Cost per Outcome carry the PK's IDs row for row, as Siapkan Lembar prefills them
    { type: "write", sheet: CAPAIAN.sheet, row: F, col: 0, cells: ids },
    { type: "write", sheet: COST_PER_OUTCOME.sheet, row: F, col: 0, cells: ids },
  ];
  // the computed columns of the rows past the prepared 100, as a re-run of Siapkan Lembar writes them
  await wb.apply(ops);
  const again = await scaffold(wb, {});
  if (!again.ok) throw new Error("re-scaffold failed");
  return wb;
}

export async function periksaBenchmarks(): Promise<BenchResult[]> {
  const wb = await workbook();
  const model = await readWorkbookModel(wb);
  const rincian = model.rincian?.rowCount() ?? 0;
  const cells = model.sheets.reduce((n, s) => n + (s.cells?.length ?? 0) * (s.cells?.[0]?.length ?? 0), 0);
  let counts = { error: 0, warning: 0, info: 0 };
  let topCodes = "";
  // read and validate alternate, each after a full collection: the ratio is the median of the pairs,
  // which a burst of load on a shared machine moves less than it moves either time
  const c = await compare(
    { name: `read the workbook model (${INDICATORS.toLocaleString("id-ID")} indikator, ${rincian.toLocaleString("id-ID")} baris Rincian SIPD)`, fn: () => readWorkbookModel(wb) },
    {
      name: "Periksa: read + every rule",
      fn: async () => {
        const findings = validateModel(await readWorkbookModel(wb));
        counts = countBySeverity(findings);
        const byCode = new Map<string, number>();
        for (const f of findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
        topCodes = [...byCode].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([code, n]) => `${code} ${n}`).join(", ");
      },
    },
    cells,
    "sel",
    PAIRS,
  );
  c.subject.ratio = Math.round(c.ratio * 100) / 100;
  c.subject.extra = {
    [`rasio terhadap membaca model (median ${PAIRS} pasangan)`]: `${c.ratio.toFixed(2)}× (target ≤ 3×)`,
    "rentang rasio": `${c.ratios.min.toFixed(2)}–${c.ratios.max.toFixed(2)}×`,
    temuan: `${counts.error} galat, ${counts.warning} peringatan, ${counts.info} info (${topCodes})`,
  };
  return [c.base, c.subject, await breakdown(wb), await broken(wb), await inExcel()];
}

const TABLE_IDS: readonly TableSheetId[] = ["pk", "capaian", "cpo", "realisasi"];

/**
 * Where Periksa's time goes beyond the read, each part as a multiple of the read (median of a few
 * runs): the Rincian SIPD read again by the SIPD parser (its typed rows, totals and findings), the
 * formula of every computed cell against its column's, and the twins and rules themselves. Each part
 * is forced on a fresh model before the next is timed, so the rules find it done.
 */
async function breakdown(wb: MemoryWorkbook): Promise<BenchResult> {
  const parts = { read: [] as number[], rincian: [] as number[], status: [] as number[], rules: [] as number[] };
  const time = (fn: () => unknown): number => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  let computedCells = 0;
  for (let i = 0; i < 5; i++) {
    collect();
    const t0 = performance.now();
    const model = await readWorkbookModel(wb);
    parts.read.push(performance.now() - t0);
    collect();
    parts.rincian.push(time(() => model.rincian?.parse()));
    computedCells = 0;
    parts.status.push(
      time(() => {
        for (const id of TABLE_IDS) {
          const t = model.table(id);
          t.layout.columns.forEach((c, j) => {
            if (c.role !== "computed") return;
            for (let r = t.firstRow; r < t.endRow; r++) t.status(r, j);
            computedCells += t.endRow - t.firstRow;
          });
        }
      }),
    );
    parts.rules.push(time(() => validateModel(model)));
  }
  const read = median(parts.read);
  const times = (xs: number[]) => `${(median(xs) / read).toFixed(2)}× (${median(xs).toFixed(0)} ms)`;
  const total = read + median(parts.rincian) + median(parts.status) + median(parts.rules);
  return {
    name: "Periksa: rincian waktu, tiap bagian sebagai kelipatan membaca model",
    unit: "sel",
    items: computedCells,
    medianMs: total,
    perSecond: computedCells / (total / 1000),
    extra: {
      "membaca model": `1.00× (${read.toFixed(0)} ms)`,
      "Rincian SIPD dibaca lagi oleh parser SIPD": times(parts.rincian),
      [`rumus ${computedCells.toLocaleString("id-ID")} sel hitungan dibandingkan`]: times(parts.status),
      "kembaran dan aturan": times(parts.rules),
    },
  };
}

/**
 * The same workbook in Excel (the Office.js adapter over the strict fake): the read is cut into
 * pieces under Excel on the web's 5 MB response limit. Its round trips and largest response, and the
 * time in this process (the fake's, not Excel's: each round trip costs more there).
 */
async function inExcel(): Promise<BenchResult> {
  const fake = new FakeExcel();
  const port = await workbook(new OfficeWorkbook({ run: fake.excelRun }));
  const before = fake.syncs.length;
  const t0 = performance.now();
  const run = await validateWorkbook(port);
  const ms = performance.now() - t0;
  const syncs = fake.syncs.slice(before);
  // a refused sync (a first guess too small) records what it would have sent back
  const accepted = syncs.filter((s) => s.error === null);
  const mb = (n: number) => (n / 1e6).toLocaleString("id-ID", { maximumFractionDigits: 2 });
  return {
    name: "Periksa di Excel (adaptor Office.js, Excel tiruan): buku kerja yang sama",
    unit: "indikator",
    items: INDICATORS,
    medianMs: ms,
    perSecond: INDICATORS / (ms / 1000),
    extra: {
      "sync (membaca daftar lembar dan isi)": syncs.length,
      "respons terbesar (MB)": mb(Math.max(...accepted.map((s) => s.responseBytes))),
      "sync ditolak karena terlalu besar": syncs.length - accepted.length,
      "seluruh respons (MB)": mb(accepted.reduce((n, s) => n + s.responseBytes, 0)),
      "batas Excel di web (MB)": mb(FAKE_PAYLOAD_LIMIT),
      temuan: `${run.counts.error} galat, ${run.counts.warning} peringatan, ${run.counts.info} info`,
    },
  };
}

/**
 * The same workbook broken the ways that once made Periksa quadratic: every PK row's Induk the row
 * before it, the first row's the last (one cycle through the whole sheet), and every PK kode unknown
 * to Realisasi Anggaran. Every row is a finding; the time is what a reviewer waits for.
 */
async function broken(wb: MemoryWorkbook): Promise<BenchResult> {
  const F = TABLE_ROWS.firstData;
  const id = (i: number) => `IK-${String(i + 1).padStart(3, "0")}`;
  const column = (key: SheetKeys["pk"], v: (i: number) => CellContent): WorkbookOp => ({
    type: "write",
    sheet: PERJANJIAN_KINERJA.sheet,
    row: F,
    col: colIndex(PERJANJIAN_KINERJA, key),
    cells: Array.from({ length: INDICATORS }, (_, i) => [v(i)]),
  });
  await wb.apply([column("induk", (i) => id((i + INDICATORS - 1) % INDICATORS)), column("kode", (i) => `9.99.01.2.01.${String(i % 10_000).padStart(4, "0")}`)]);
  const times: number[] = [];
  let counts = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < 3; i++) {
    const model = await readWorkbookModel(wb);
    const t0 = performance.now();
    counts = countBySeverity(validateModel(model));
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return {
    name: `Periksa: buku kerja rusak (Induk melingkar di ${INDICATORS.toLocaleString("id-ID")} baris, semua kode PK tak dikenal)`,
    unit: "indikator",
    items: INDICATORS,
    medianMs: ms,
    perSecond: INDICATORS / (ms / 1000),
    extra: { temuan: `${counts.error} galat, ${counts.warning} peringatan, ${counts.info} info` },
  };
}
