/**
 * The use-cases through the Office.js adapter over the strict fake Excel: the same cells as the
 * memory adapter, and a small constant number of round trips for scaffolding.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importLra } from "../../src/app/import-sipd";
import { scaffold } from "../../src/app/scaffold";
import { validateWorkbook, type ValidateProgress } from "../../src/app/validate";
import { prepareReports, type ReportProgress } from "../../src/app/report";
import { rincianCol, RINCIAN_ROWS, RINCIAN_SHEET } from "../../src/core/layouts/rincian";
import { COST_PER_OUTCOME, CAPAIAN, PERJANJIAN_KINERJA, TABLE_ROWS, colIndex, type SheetKeys } from "../../src/core/layouts";
import type { CellContent } from "../../src/workbook/port";
import { generateLra, parseLra, type LraParseSuccess } from "../../src/core/sipd";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import type { WorkbookPort } from "../../src/workbook/port";
import { FakeExcel, FAKE_PAYLOAD_LIMIT } from "../support/fake-excel";

const SETTINGS = { unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "TW II", kodeOrganisasi: "7.01.0.00.0.00.01.0000" };
const LRA = parseLra(readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8")) as LraParseSuccess;

async function cellsOf(port: WorkbookPort) {
  // a new Excel workbook starts with an empty Sheet1 that the memory workbook does not have
  const sheets = (await port.sheets()).filter((s) => s.name !== "Sheet1");
  const blocks = await port.read(sheets.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(1, s.usedRows), cols: Math.max(1, s.usedCols) })));
  return Object.fromEntries(
    sheets.map((s, i) => [
      s.name,
      (blocks[i] ?? []).map((row) => row.map((c) => (c.formula ? c.formula : c.value === "" ? null : c.value))),
    ]),
  );
}

describe("Siapkan Lembar in Excel (Office.js adapter, fake Excel)", () => {
  it("takes a small constant number of round trips, whatever the sheet sizes", async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbook({ run: fake.excelRun });
    const r = await scaffold(port, SETTINGS);
    expect(r.ok).toBe(true);
    const first = fake.syncs.length;
    expect(first).toBeLessThanOrEqual(8);
    if (r.ok) expect(r.report.syncs).toBeLessThanOrEqual(4);
    await scaffold(port, {});
    expect(fake.syncs.length - first).toBeLessThanOrEqual(8);
    expect(fake.largestRequestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
  });

  it("writes the same cells as the memory adapter, codes as text", async () => {
    const fake = new FakeExcel();
    const office = new OfficeWorkbook({ run: fake.excelRun });
    const memory = new MemoryWorkbook();
    await scaffold(office, SETTINGS);
    await scaffold(memory, SETTINGS);
    expect(await cellsOf(office)).toEqual(await cellsOf(memory));
  });

  it("imports the June LRA with the same cells, within Excel on the web's payload limit", async () => {
    const fake = new FakeExcel();
    const office = new OfficeWorkbook({ run: fake.excelRun });
    const memory = new MemoryWorkbook();
    const a = await importLra(office, LRA);
    await importLra(memory, LRA);
    expect(a.ok).toBe(true);
    expect(await cellsOf(office)).toEqual(await cellsOf(memory));
    // kode cells stay text in Excel ("7.01.01" would otherwise become a date)
    expect(fake.state.cell("Realisasi Anggaran", 6, 1)?.value).toBe("7.01.01");
    expect(fake.largestRequestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
  });
});

describe("Siapkan Lembar again in Excel over a large PK (Office.js adapter, fake Excel)", () => {
  it("re-runs over 900 indicator rows, whose structure formulas are more than one response holds, with the memory workbook's cells", async () => {
    // the rollback snapshot of the formula columns was read in the inspection sync: over 5 MB, refused
    const rows = 900;
    const pk: CellContent[][] = [];
    const ids: CellContent[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: CellContent[] = Array(PERJANJIAN_KINERJA.columns.length).fill(null);
      const set = (k: SheetKeys["pk"], v: CellContent) => (row[colIndex(PERJANJIAN_KINERJA, k)] = v);
      const sub = LRA.subKegiatan[i % LRA.subKegiatan.length]!;
      set("id", `IK-${i + 1}`);
      set("jabatan", "Camat");
      set("level", "Sub Kegiatan");
      set("kode", sub.notation);
      set("indikator", `Dokumen ${i + 1}`);
      set("satuan", "Dokumen");
      set("polaritas", "positif");
      set("metode", "terakhir");
      set("targetAwal", 12);
      pk.push(row);
      ids.push([`IK-${i + 1}`]);
    }
    const fake = new FakeExcel();
    const office = new OfficeWorkbook({ run: fake.excelRun });
    const memory = new MemoryWorkbook();
    for (const port of [office, memory] as WorkbookPort[]) {
      expect((await scaffold(port, SETTINGS)).ok).toBe(true);
      expect((await importLra(port, LRA)).ok).toBe(true);
      const F = TABLE_ROWS.firstData;
      await port.apply([
        { type: "write", sheet: PERJANJIAN_KINERJA.sheet, row: F, col: 0, cells: pk },
        { type: "write", sheet: CAPAIAN.sheet, row: F, col: 0, cells: ids },
        { type: "write", sheet: COST_PER_OUTCOME.sheet, row: F, col: 0, cells: ids },
      ]);
      // the first run extends the formulas to the new rows, the second writes over them
      expect((await scaffold(port, {})).ok).toBe(true);
      const again = await scaffold(port, {});
      expect(again.ok ? "ok" : again).toBe("ok");
    }
    expect(fake.syncs.some((s) => s.error?.startsWith("ResponsePayloadSizeLimitExceeded"))).toBe(true);
    expect(await cellsOf(office)).toEqual(await cellsOf(memory));
  }, 60_000);
});

describe("Periksa in Excel (Office.js adapter, fake Excel)", () => {
  it("reads a kecamatan's workbook (the June LRA imported) in one sync after the sheet list, as before reading in pieces", async () => {
    const fake = new FakeExcel();
    const office = new OfficeWorkbook({ run: fake.excelRun });
    expect((await scaffold(office, SETTINGS)).ok).toBe(true);
    expect((await importLra(office, LRA)).ok).toBe(true);
    const before = fake.syncs.length;
    const run = await validateWorkbook(office);
    // sheets(): the list and the used ranges; read(): one
    expect(fake.syncs.length - before).toBe(3);
    expect(run.model.rincian?.rowCount()).toBe(LRA.rows.length);
  });

  it("checks a workbook with a 20,000-row Rincian SIPD in Excel on the web: every response under its limit, the findings of the memory workbook", async () => {
    // one sync was 13 MB of response: Excel on the web refused it (ResponsePayloadSizeLimitExceeded)
    const lra = parseLra(generateLra(20_000, 7)) as LraParseSuccess;
    const fake = new FakeExcel();
    const office = new OfficeWorkbook({ run: fake.excelRun });
    const memory = new MemoryWorkbook();
    const settings = { unitKerja: "Kecamatan Contoh", tahun: 2024, periode: "TW II" };
    for (const port of [office, memory] as WorkbookPort[]) {
      expect((await scaffold(port, settings)).ok).toBe(true);
      expect((await importLra(port, lra)).ok).toBe(true);
      // a Rincian amount changed by hand, far down the sheet: its sums no longer hold
      await port.apply([{ type: "write", sheet: RINCIAN_SHEET, row: RINCIAN_ROWS.firstData + 15_000, col: rincianCol("realisasiBulanIni"), cells: [[123]] }]);
    }
    const before = fake.syncs.length;
    const progress: ValidateProgress[] = [];
    const inExcel = await validateWorkbook(office, (p) => progress.push(p));
    const reads = fake.syncs.slice(before);
    expect(reads.length).toBeGreaterThan(3);
    for (const s of reads) if (s.error === null) expect(s.responseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(reads.filter((s) => s.error !== null).length).toBeLessThanOrEqual(1);
    const inMemory = await validateWorkbook(memory);
    const codes = (r: typeof inExcel) => r.findings.map((f) => `${f.code} ${f.at.kind === "line" ? f.at.line : `${f.at.sheet}!${f.at.row},${f.at.col}`}`);
    expect(codes(inExcel)).toEqual(codes(inMemory));
    expect(codes(inExcel).some((c) => c.startsWith("sipd-") && c.includes(`${RINCIAN_SHEET}!${RINCIAN_ROWS.firstData + 15_000},`))).toBe(true);
    // the bar moves while reading, in the first half
    const reading = progress.filter((p) => p.phase === "membaca").map((p) => p.fraction);
    expect(reading.length).toBeGreaterThan(3);
    expect(Math.max(...reading)).toBeCloseTo(0.5);

    // Laporan reads the same model, its bar moving the same way
    const steps: ReportProgress[] = [];
    const prep = await prepareReports(office, {}, (p) => steps.push(p));
    expect(prep.findings.map((f) => f.code)).toEqual(inMemory.findings.map((f) => f.code));
    const laporanReading = steps.filter((p) => p.phase === "membaca").map((p) => p.fraction);
    expect(laporanReading.length).toBeGreaterThan(3);
    expect(Math.max(...laporanReading)).toBeCloseTo(0.4);
  }, 60_000);
});
