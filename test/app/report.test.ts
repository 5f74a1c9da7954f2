/**
 * The Laporan use-case on the real 2024 workbook (Kecamatan Lumajang, TW II; the Kasubbag Keuangan's
 * rows of report 002), in the memory and the .xlsx adapters.
 */
import JSZip from "jszip";
import { JOURNAL_SHEET } from "../../src/app/journal";
import { findingMessage, type Finding } from "../../src/core/findings";
import { indicatorsOf } from "../../src/core/rules/context";
import { readWorkbookModel } from "../../src/app/read-model";
import { exportReports, prepareReports, refusalMessage, writeReportSheets, type ReportPrep } from "../../src/app/report";
import { CAPAIAN, PERJANJIAN_KINERJA, colIndex } from "../../src/core/layouts";
import { buildReport } from "../../src/core/report/build";
import { editedCells, reportSheetName } from "../../src/core/report/sheet";
import type { Report, ReportCell } from "../../src/core/report/types";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { CellContent, CellSnapshot, WorkbookOp, WorkbookPort } from "../../src/workbook/port";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { FakeExcel } from "../support/fake-excel";
import { correctWorkbook2024, F, rows2024, write } from "../support/workbooks";

const AT = new Date(2026, 11, 2, 10, 30, 0);
const SHEET = reportSheetName("Kasubbag Keuangan", "TW II");

type Adapter = "memory" | "xlsx";
const ADAPTERS: Adapter[] = ["memory", "xlsx"];
const workbook = (a: Adapter): Promise<WorkbookPort> => (a === "memory" ? correctWorkbook2024(new MemoryWorkbook()) : correctWorkbook2024(XlsxWorkbook.create()));

async function readSheet(port: WorkbookPort, name: string): Promise<CellSnapshot[][] | null> {
  const info = (await port.sheets()).find((s) => s.name === name);
  if (!info) return null;
  const [cells] = await port.read([{ sheet: name, row: 0, col: 0, rows: Math.max(info.usedRows, 1), cols: Math.max(info.usedCols, 1) }]);
  return cells!;
}

async function journalRows(port: WorkbookPort): Promise<(string | number | boolean | null)[][]> {
  const info = (await port.sheets()).find((s) => s.name === JOURNAL_SHEET);
  if (!info) return [];
  const [rows] = await port.read([{ sheet: JOURNAL_SHEET, row: 3, col: 0, rows: Math.max(info.usedRows - 3, 1), cols: 4 }]);
  return rows!.map((r) => r.map((c) => c.value)).filter((r) => r[0] !== null);
}

/** What a table row of the report becomes in the sheet: money and percents as numbers, the rest as printed. */
const expectedCell = (c: ReportCell): CellContent =>
  (c.kind === "money" || c.kind === "percent") && c.value !== null ? c.value : c.text === "" ? null : c.text;

/** Every table of the report found in the sheet under its title, every body row equal to the report's. */
function expectSheetHoldsReport(cells: CellSnapshot[][], report: Report): void {
  const values = cells.map((r) => r.map((c) => c.value));
  let tables = 0;
  for (const t of report.sections.flatMap((s) => s.tables)) {
    const titleRow = values.findIndex((r) => r[0] === `${t.number} ${t.title}`);
    expect(titleRow).toBeGreaterThan(0);
    const first = titleRow + 1 + t.header.length + (t.numberRow ? 1 : 0);
    [...t.rows, ...(t.total ? [t.total] : [])].forEach((row, i) => {
      const got = (values[first + i] ?? []).slice(0, row.length).map((v) => (v === "" ? null : v));
      while (got.length < row.length) got.push(null);
      expect(got).toEqual(row.map(expectedCell));
    });
    tables++;
  }
  expect(tables).toBeGreaterThanOrEqual(5);
}

/** A port that counts the batches sent to it, and can make the next one fail inside the adapter. */
class Watched implements WorkbookPort {
  batches: WorkbookOp[][] = [];
  failNext = false;
  constructor(readonly inner: WorkbookPort) {}
  sheets = () => this.inner.sheets();
  read: WorkbookPort["read"] = (r) => this.inner.read(r);
  names = () => this.inner.names();
  select: WorkbookPort["select"] = (a) => this.inner.select(a);
  selectedRange = () => this.inner.selectedRange();
  apply: WorkbookPort["apply"] = (ops, options) => {
    this.batches.push([...ops]);
    if (!this.failNext) return this.inner.apply(ops, options);
    this.failNext = false;
    // a batch the host refuses at its very end (here: a sheet that is not there), after all the writes
    return this.inner.apply([...ops, { type: "write", sheet: "Tidak Ada", row: 0, col: 0, cells: [[1]] }], options);
  };
}

describe.each(ADAPTERS)("Laporan sheets in the %s adapter", (adapter) => {
  it("writes the report into a new sheet with the report's numbers, marked as generated, in one batch", async () => {
    const port = new Watched(await workbook(adapter));
    const prep = await prepareReports(port);
    expect(prep.gate).toEqual({ status: "ok" });
    expect(prep.jabatanAll).toEqual(["Kasubbag Keuangan"]);
    expect(prep.periode).toBe("TW II");
    expect(prep.sheets).toEqual([{ name: SHEET, jabatan: "Kasubbag Keuangan", state: "baru" }]);
    const result = await writeReportSheets(port, prep, {}, AT);
    expect(result).toMatchObject({ ok: true, sheets: [SHEET] });
    expect(port.batches).toHaveLength(1);
    const cells = (await readSheet(port, SHEET))!;
    expect(editedCells(cells)).toEqual({ marked: true, edited: false });
    // the expected numbers come from the core's report on the same workbook
    const report = buildReport(await readWorkbookModel(port), { jabatan: "Kasubbag Keuangan" });
    expectSheetHoldsReport(cells, report);
    expect(cells.flat().some((c) => c.value === 7229814333 && c.numberFormat === "#,##0")).toBe(true);
    // nothing confirmed, nothing journalled
    expect(await journalRows(port)).toEqual([]);
    expect((await prepareReports(port)).sheets[0]!.state).toBe("dibuat");
  });

  it("a galat blocks sheets and downloads and writes nothing", async () => {
    const port = new Watched(await workbook(adapter));
    await port.inner.apply([write(CAPAIAN, F + 1, "capaian", 0.5)]);
    const before = (await port.sheets()).map((s) => s.name);
    const prep = await prepareReports(port);
    expect(prep.gate.status).toBe("blocked");
    const w = await writeReportSheets(port, prep, { peringatan: true, timpaSuntingan: true }, AT);
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.refusal.kind).toBe("galat");
    const errors = prep.findings.filter((f) => f.severity === "error");
    expect(w.message).toContain(`ada ${errors.length} galat`);
    expect(w.message).toContain("R-CAP");
    const e = await exportReports(port, prep, "docx", { peringatan: true }, AT);
    expect(e).toMatchObject({ ok: false, refusal: { kind: "galat" } });
    expect(port.batches).toHaveLength(0);
    expect((await port.sheets()).map((s) => s.name)).toEqual(before);
  });

  it("a peringatan is refused until confirmed, then written with the confirmation journalled in the same batch", async () => {
    const port = new Watched(await workbook(adapter));
    await port.inner.apply([write(CAPAIAN, F + 1, "capaian", 0.46)]);
    const prep = await prepareReports(port);
    expect(prep.gate.status).toBe("confirm");
    const refused = await writeReportSheets(port, prep, {}, AT);
    expect(refused).toMatchObject({ ok: false, refusal: { kind: "peringatan" } });
    if (!refused.ok) expect(refused.message).toContain("1 peringatan");
    expect(port.batches).toHaveLength(0);
    expect(await readSheet(port, SHEET)).toBeNull();

    const done = await writeReportSheets(port, prep, { peringatan: true }, AT);
    expect(done.ok).toBe(true);
    expect(port.batches).toHaveLength(1);
    const batch = port.batches[0]!;
    expect(batch.some((op) => op.type === "addSheet" && op.sheet === SHEET)).toBe(true);
    expect(batch.some((op) => op.type === "write" && op.sheet === JOURNAL_SHEET)).toBe(true);
    const rows = await journalRows(port);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 3)).toEqual(["2026-12-02 10:30:00", "Laporan ke lembar (dikonfirmasi)", `Kecamatan Lumajang Triwulan II 2024: Kasubbag Keuangan → ${SHEET}`]);
    expect(String(rows[0]![3])).toMatch(/^R-XL-01 Capaian!O8: Rumus kolom ini ditimpa nilai ketikan 46%/);
  });

  it("a download with a confirmed peringatan is recorded in the journal alone; without confirmation refused", async () => {
    const port = new Watched(await workbook(adapter));
    await port.inner.apply([write(CAPAIAN, F + 1, "capaian", 0.46)]);
    const prep = await prepareReports(port);
    expect(await exportReports(port, prep, "xlsx", {}, AT)).toMatchObject({ ok: false, refusal: { kind: "peringatan" } });
    expect(port.batches).toHaveLength(0);
    const out = await exportReports(port, prep, "docx", { peringatan: true }, AT);
    expect(out).toMatchObject({ ok: true, name: "LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II.docx" });
    if (!out.ok) return;
    expect(Buffer.from(out.bytes.slice(0, 2)).toString()).toBe("PK");
    expect(port.batches).toHaveLength(1);
    expect(port.batches[0]!.every((op) => ("sheet" in op ? op.sheet : op.type === "format" ? op.range.sheet : "") === JOURNAL_SHEET)).toBe(true);
    const rows = await journalRows(port);
    expect(rows.map((r) => r[1])).toEqual(["Ekspor laporan .docx (dikonfirmasi)"]);
    expect(String(rows[0]![2])).toContain("LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II.docx");
  });

  it("regenerating over a sheet the user edited is refused, then done with timpaSuntingan (and journalled)", async () => {
    const port = new Watched(await workbook(adapter));
    expect((await writeReportSheets(port, await prepareReports(port), {}, AT)).ok).toBe(true);
    // the user corrects a number in the generated sheet
    const cells = (await readSheet(port, SHEET))!;
    const r = cells.findIndex((row) => row.some((c) => c.value === 7229814333));
    const c = cells[r]!.findIndex((x) => x.value === 7229814333);
    await port.inner.apply([{ type: "write", sheet: SHEET, row: r, col: c, cells: [[7000000000]] }]);
    port.batches = [];

    const prep = await prepareReports(port);
    expect(prep.sheets[0]!.state).toBe("disunting");
    const refused = await writeReportSheets(port, prep, { peringatan: true }, AT);
    expect(refused).toMatchObject({ ok: false, refusal: { kind: "disunting", sheets: [SHEET] } });
    if (!refused.ok) expect(refused.message).toContain(`Lembar "${SHEET}" sudah diubah pengguna`);
    expect(port.batches).toHaveLength(0);
    expect((await readSheet(port, SHEET))![r]![c]!.value).toBe(7000000000);

    const done = await writeReportSheets(port, prep, { timpaSuntingan: true }, AT);
    expect(done.ok).toBe(true);
    const after = (await readSheet(port, SHEET))!;
    expect(after[r]![c]!.value).toBe(7229814333);
    expect(editedCells(after)).toEqual({ marked: true, edited: false });
    expect((await journalRows(port)).map((x) => x[3])).toEqual([`Lembar "${SHEET}" yang sudah diubah pengguna ditimpa`]);
  });

  it("a sheet of the user's own with the report's name is refused, even with every confirmation, and left as it was", async () => {
    const port = new Watched(await workbook(adapter));
    await port.inner.apply([
      { type: "addSheet", sheet: SHEET },
      { type: "write", sheet: SHEET, row: 0, col: 0, cells: [["Catatan saya"], [42]] },
    ]);
    const prep = await prepareReports(port);
    expect(prep.sheets[0]!.state).toBe("milik-pengguna");
    const refused = await writeReportSheets(port, prep, { peringatan: true, timpaSuntingan: true }, AT);
    expect(refused).toMatchObject({ ok: false, refusal: { kind: "milik-pengguna", sheets: [SHEET] } });
    if (!refused.ok) expect(refused.message).toBe(`Lembar "${SHEET}" bukan buatan SAKIP Workbook dan tidak akan ditimpa. Ganti nama lembar itu, lalu buat laporan lagi.`);
    expect(port.batches).toHaveLength(0);
    expect((await readSheet(port, SHEET))!.map((row) => row.map((x) => x.value))).toEqual([["Catatan saya"], [42]]);
  });

  it("a shorter report regenerated over a longer one leaves none of the old rows, formats or merges", async () => {
    const port = await workbook(adapter);
    expect((await writeReportSheets(port, await prepareReports(port), {}, AT)).ok).toBe(true);
    const longer = (await port.sheets()).find((s) => s.name === SHEET)!;
    // the last three PK rows move to another jabatan: the Kasubbag's report loses them
    const n = rows2024().length;
    await port.apply([0, 1, 2].map((k) => write(PERJANJIAN_KINERJA, F + n - 1 - k, "jabatan", "Camat")));
    const prep = await prepareReports(port, { jabatan: "kasubbag  keuangan" });
    expect(prep.reports.map((x) => x.jabatan)).toEqual(["Kasubbag Keuangan"]);
    expect(prep.sheets[0]!.state).toBe("dibuat");
    const w = await writeReportSheets(port, prep, { peringatan: true }, AT);
    expect(w.ok).toBe(true);
    const shorter = (await port.sheets()).find((s) => s.name === SHEET)!;
    expect(shorter.usedRows).toBeLessThan(longer.usedRows);
    const [tail] = await port.read([{ sheet: SHEET, row: shorter.usedRows, col: 0, rows: longer.usedRows - shorter.usedRows + 5, cols: longer.usedCols + 2 }]);
    expect(tail!.flat().filter((c) => c.value !== null || c.numberFormat !== "General")).toEqual([]);
    const cells = (await readSheet(port, SHEET))!;
    expect(editedCells(cells)).toEqual({ marked: true, edited: false });
    expectSheetHoldsReport(cells, prep.reports[0]!);
    if (port instanceof MemoryWorkbook) {
      const merges = port.sheet(SHEET)!.merges;
      expect(merges.every((m) => m.row + m.rows <= shorter.usedRows)).toBe(true);
    }
  });

  it("all reports of the PK go into their sheets in one batch; a failing batch leaves the workbook as it was", async () => {
    const port = new Watched(await workbook(adapter));
    const n = rows2024().length;
    await port.inner.apply([0, 1, 2].map((k) => write(PERJANJIAN_KINERJA, F + n - 1 - k, "jabatan", "Camat")));
    const prep = await prepareReports(port);
    expect(prep.jabatanAll).toEqual(["Kasubbag Keuangan", "Camat"]);
    expect(prep.sheets.map((s) => s.name)).toEqual([SHEET, reportSheetName("Camat", "TW II")]);
    const confirm = { peringatan: true };
    const before = await port.sheets();
    port.failNext = true;
    await expect(writeReportSheets(port, prep, confirm, AT)).rejects.toThrow(/Tidak Ada/);
    expect(await port.sheets()).toEqual(before);

    const done = await writeReportSheets(port, prep, confirm, AT);
    expect(done).toMatchObject({ ok: true, sheets: [SHEET, reportSheetName("Camat", "TW II")] });
    expect(port.batches).toHaveLength(2);
    const model = await readWorkbookModel(port);
    for (const plan of prep.sheets) expectSheetHoldsReport((await readSheet(port, plan.name))!, buildReport(model, { jabatan: plan.jabatan }));
  });
});

describe("the Laporan sheet prints as the LKj does", () => {
  it("landscape (wide tables), fit to width, print area, the title line on every page, each table from a new page; kept in the saved .xlsx", async () => {
    const memory = await correctWorkbook2024(new MemoryWorkbook());
    const prep = await prepareReports(memory);
    expect((await writeReportSheets(memory, prep, {}, AT)).ok).toBe(true);
    const setup = memory.sheet(SHEET)!.pageSetup!;
    const cells = (await readSheet(memory, SHEET))!;
    const tables = prep.reports[0]!.sections.flatMap((s) => s.tables);
    const titleRows = tables.map((t) => cells.findIndex((r) => r[0]!.value === `${t.number} ${t.title}`));
    // the charts come after the tables, from a page of their own, and the print area reaches their bottom
    const charts = memory.sheet(SHEET)!.charts;
    expect(charts).toHaveLength(prep.reports[0]!.charts.length);
    const chartData = cells.findIndex((r) => typeof r[0]!.value === "string" && r[0]!.value.startsWith("Data Grafik 1."));
    const lastChart = charts[charts.length - 1]!.anchor;
    expect(setup).toEqual({
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: [1, 1],
      printArea: { rows: lastChart.row + lastChart.rows, cols: Math.max(...tables.map((t) => t.widths.length)) },
      rowBreaks: [...titleRows.slice(1), chartData],
    });
    expect(tables.some((t) => t.orientation === "landscape")).toBe(true);
    // the rows whose text wraps are as tall as their lines: the sasaran of the first PK row takes several
    const heights = memory.sheet(SHEET)!.heights;
    const firstBody = titleRows[0]! + 1 + tables[0]!.header.length + (tables[0]!.numberRow ? 1 : 0);
    expect(heights.get(firstBody)).toBeGreaterThanOrEqual(33);

    const xlsx = await correctWorkbook2024(XlsxWorkbook.create());
    expect((await writeReportSheets(xlsx, await prepareReports(xlsx), {}, AT)).ok).toBe(true);
    const zip = await JSZip.loadAsync(await xlsx.toBuffer());
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const index = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]).indexOf(SHEET);
    const lastCol = String.fromCharCode(65 + setup.printArea!.cols - 1);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">'${SHEET}'!$A$1:$${lastCol}$${setup.printArea!.rows}</definedName>`);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'${SHEET}'!$2:$2</definedName>`);
    const sheetXml = await zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async("string");
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    const breaks = [...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks).toEqual([...titleRows.slice(1), chartData]);
  });
});

describe("Laporan sheets in Excel (Office.js adapter over the strict fake)", () => {
  it("the same cells as in memory, row heights, print area, page breaks; a shorter regeneration unmerges and clears the old", async () => {
    const fake = new FakeExcel();
    const office = await correctWorkbook2024(new OfficeWorkbook({ run: fake.excelRun }));
    const memory = await correctWorkbook2024(new MemoryWorkbook());
    for (const port of [office, memory] as WorkbookPort[]) expect((await writeReportSheets(port, await prepareReports(port), {}, AT)).ok).toBe(true);
    const values = (cells: CellSnapshot[][] | null) => (cells ?? []).map((r) => r.map((c) => (c.value === "" ? null : c.value)));
    expect(values(await readSheet(office, SHEET))).toEqual(values(await readSheet(memory, SHEET)));
    const sheet = fake.state.sheet(SHEET)!;
    const setup = memory.sheet(SHEET)!.pageSetup!;
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "$2:$2", printArea: { row: 0, col: 0, rows: setup.printArea!.rows, cols: setup.printArea!.cols } });
    expect(sheet.rowBreaks).toEqual(setup.rowBreaks);
    expect([...sheet.rowHeights]).toEqual([...memory.sheet(SHEET)!.heights]);
    expect(sheet.rowHeights.size).toBeGreaterThan(5);
    expect(sheet.merges.length).toBe(memory.sheet(SHEET)!.merges.length);

    const n = rows2024().length;
    for (const port of [office, memory] as WorkbookPort[]) {
      await port.apply([0, 1, 2].map((k) => write(PERJANJIAN_KINERJA, F + n - 1 - k, "jabatan", "Camat")));
      expect((await writeReportSheets(port, await prepareReports(port, { jabatan: "Kasubbag Keuangan" }), { peringatan: true }, AT)).ok).toBe(true);
    }
    expect(values(await readSheet(office, SHEET))).toEqual(values(await readSheet(memory, SHEET)));
    expect(sheet.merges.length).toBe(memory.sheet(SHEET)!.merges.length);
  });
});

describe("reports requested", () => {
  let prep: ReportPrep;
  beforeAll(async () => {
    const port = await correctWorkbook2024();
    const n = rows2024().length;
    await port.apply([0, 1, 2].map((k) => write(PERJANJIAN_KINERJA, F + n - 1 - k, "jabatan", "Camat")));
    prep = await prepareReports(port, { periode: "TW I" });
  });

  it("a jabatan the PK does not have: no report, and the refusal names the jabatan it has", async () => {
    const port = await correctWorkbook2024();
    const p = await prepareReports(port, { jabatan: "Lurah" });
    expect(p.reports).toEqual([]);
    expect(p.unknownJabatan).toBe("Lurah");
    const w = await writeReportSheets(port, p);
    expect(w).toMatchObject({ ok: false, refusal: { kind: "tanpa-jabatan", jabatan: "Lurah", available: ["Kasubbag Keuangan"] } });
    if (!w.ok) expect(w.message).toBe('Jabatan "Lurah" tidak ada di Perjanjian Kinerja. Jabatan yang ada: Kasubbag Keuangan.');
    expect(refusalMessage({ kind: "tanpa-jabatan" })).toContain("belum menyebut jabatan");
  });

  it("the period asked overrides Pengaturan's, in the reports and the sheet names", () => {
    expect(prep.periode).toBe("TW I");
    expect(prep.reports.map((r) => `${r.jabatan} ${r.periode}`)).toEqual(["Kasubbag Keuangan TW I", "Camat TW I"]);
    expect(prep.sheets.map((s) => s.name)).toEqual([reportSheetName("Kasubbag Keuangan", "TW I"), reportSheetName("Camat", "TW I")]);
  });

  it("a period after the SIPD import's month: the gate warns of the import, and the narrative says the realisasi is missing, never Rp 0", async () => {
    // the 2024 workbook: Pengaturan TW II, the SIPD export of Juni imported (TW II's column filled, TW IV's not)
    const own = await prepareReports(await correctWorkbook2024());
    expect(own.gate).toEqual({ status: "ok" });
    const annual = await prepareReports(await correctWorkbook2024(), { periode: "Tahunan" });
    expect(annual.gate.status).toBe("confirm");
    const warnings = annual.gate.status === "confirm" ? annual.gate.warnings : [];
    const sipdOld = warnings.filter((f) => f.code === "period-sipd-old");
    expect(sipdOld.map((f) => [f.code, f.params.periode, f.stated, f.expected])).toEqual([["period-sipd-old", "Tahunan", "Juni", "Desember"]]);
    expect(findingMessage(sipdOld[0]!)).toBe("Impor SIPD terakhir adalah bulan Juni, sedangkan periode Tahunan memerlukan realisasi s/d Desember.");
    // and every indicator measured up to TW II has no TW IV yet: the annual report would show TW II's value as the year's
    const stale = warnings.filter((f) => f.code === "rep-realisasi-tw-missing");
    expect(warnings.length).toBe(1 + stale.length);
    expect(stale.length).toBeGreaterThan(3);
    expect(new Set(stale.map((f) => (f.at.kind === "cell" ? `${f.at.sheet}!${f.at.col}` : "")))).toEqual(new Set([`Capaian!${colIndex(CAPAIAN, "tw4")}`]));
    expect(findingMessage(stale[0]!)).toMatch(/^Realisasi TW IV indikator ".+" belum diisi; realisasi s\/d Tahunan memakai TW II \([\d,]+\)\. Bila indikator memang tidak diukur triwulan ini, abaikan peringatan ini\.$/);
    const budget = (p: ReportPrep) => p.reports[0]!.sections.flatMap((s) => s.paragraphs).find((x) => x.topic === "anggaran")!.text;
    expect(budget(own)).toMatch(/^Pagu anggaran yang mendukung kinerja Kasubbag Keuangan Rp [\d.]+, terealisasi Rp [1-9][\d.]+ \(/);
    expect(budget(annual)).toMatch(/^Pagu anggaran yang mendukung kinerja Kasubbag Keuangan Rp [\d.]+; realisasi anggarannya sampai akhir Tahun 2024 belum diisi, sehingga penyerapan dan sisa anggaran belum dapat dihitung\.$/);
    expect(budget(annual)).not.toContain("Rp 0");
    // and Tabel 2.5's JUMLAH says the same: no realisasi, no 0 and 0,00%
    const total = (p: ReportPrep) => p.reports[0]!.sections.flatMap((x) => x.tables).find((t) => t.id === "realisasi-anggaran")!.total!.map((c) => c.text);
    expect(total(annual).slice(3)).toEqual([total(own)[3], "-", "-"]);
    expect(total(own)[4]).toMatch(/^[1-9][\d.]+$/);
    // TW III: the import is older too; TW I: the import covers it, and nothing is said of it
    const tw3 = await prepareReports(await correctWorkbook2024(), { periode: "TW III" });
    expect(tw3.findings.filter((f) => f.code === "period-sipd-old").map((f) => f.expected)).toEqual(["September"]);
    expect(prep.findings.filter((f) => f.code === "period-sipd-old")).toEqual([]);
  });

  it("a later period counts the quarters past Pengaturan's: their values are not warnings to confirm, and a quarter filled to the end is not stale", async () => {
    const port = await correctWorkbook2024();
    const first = indicatorsOf(await readWorkbookModel(port)).find((i) => i.capRow !== undefined && i.indikator !== "")!;
    await port.apply([write(CAPAIAN, first.capRow!, "tw3", 70), write(CAPAIAN, first.capRow!, "tw4", 80)]);
    // Pengaturan's TW II: a TW III and TW IV value are not counted, and said so
    const own = await prepareReports(port);
    expect(own.findings.filter((f) => f.code === "period-tw-beyond").map((f) => [f.params.tw, f.stated])).toEqual([
      [3, 70],
      [4, 80],
    ]);
    // the annual report counts them: nothing to confirm about them, and this indicator's TW IV is filled
    const annual = await prepareReports(port, { periode: "Tahunan" });
    expect(annual.findings.filter((f) => f.code === "period-tw-beyond")).toEqual([]);
    const at = (f: Finding) => (f.at.kind === "cell" ? f.at.row : -1);
    expect(annual.findings.filter((f) => f.code === "rep-realisasi-tw-missing").map(at)).not.toContain(first.capRow);
    // TW III: TW IV's value stays beyond the period
    const tw3 = await prepareReports(port, { periode: "TW III" });
    expect(tw3.findings.filter((f) => f.code === "period-tw-beyond").map((f) => f.params.tw)).toEqual([4]);
  });

  it("an annual report on TW II data: each indicator's stale TW II value is named as its cell shows it", async () => {
    const port = await correctWorkbook2024();
    const first = indicatorsOf(await readWorkbookModel(port)).find((i) => i.capRow !== undefined && i.indikator !== "")!;
    const col = colIndex(CAPAIAN, "tw2");
    await port.apply([
      write(CAPAIAN, first.capRow!, "tw2", 0.9375),
      { type: "format", range: { sheet: CAPAIAN.sheet, row: first.capRow!, col, rows: 1, cols: 1 }, numberFormat: "0.00%" },
    ]);
    const annual = await prepareReports(port, { periode: "Tahunan" });
    const stale = annual.findings.find((f) => f.code === "rep-realisasi-tw-missing" && f.at.kind === "cell" && f.at.row === first.capRow)!;
    expect(findingMessage(stale)).toContain("memakai TW II (93,75%)");
  });

  it("a period before Pengaturan's: an indicator with no realisasi up to its quarter is a warning of that report", async () => {
    const port = await correctWorkbook2024();
    const tw2 = await prepareReports(port);
    expect(tw2.findings.filter((f) => f.code === "rep-realisasi-missing")).toEqual([]);
    // the seed's realisasi is typed in TW II; the first indicator measured in TW I too
    const first = indicatorsOf(await readWorkbookModel(port)).find((i) => i.capRow !== undefined && i.indikator !== "")!;
    await port.apply([write(CAPAIAN, first.capRow!, "tw1", 0.5)]);
    const model = await readWorkbookModel(port);
    const cap = model.table("capaian");
    const expected = indicatorsOf(model).flatMap((i) =>
      i.capRow !== undefined && i.indikator !== "" && typeof model.value("pk", i.pkRow, "target") === "number" && cap.cell(i.capRow, "tw1").value === null ? [i.capRow] : [],
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(expected).not.toContain(first.capRow);
    const tw1 = await prepareReports(port, { periode: "TW I" });
    const missing = tw1.findings.filter((f) => f.code === "rep-realisasi-missing");
    expect(missing.map((f) => (f.at.kind === "cell" ? [f.at.sheet, f.at.row, f.at.col, f.params.periode] : null))).toEqual(expected.map((r) => [CAPAIAN.sheet, r, cap.col("tw1"), "TW I"]));
    expect(findingMessage(missing[0]!)).toMatch(/^Indikator ".+" belum berealisasi s\/d TW I; capaiannya kosong di laporan\.$/);
  });

  it("several jabatan make one .docx, each report in its own sections starting on a new page", async () => {
    const port = await correctWorkbook2024();
    const n = rows2024().length;
    await port.apply([0, 1, 2].map((k) => write(PERJANJIAN_KINERJA, F + n - 1 - k, "jabatan", "Camat")));
    const p = await prepareReports(port);
    const out = await exportReports(port, p, "docx", { peringatan: true }, AT);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.name).toBe("LKj-Kecamatan_Lumajang-2024-TW_II.docx");
    const xml = await (await JSZip.loadAsync(out.bytes)).file("word/document.xml")!.async("string");
    const camat = xml.indexOf(">CAMAT<");
    const kasubbag = xml.indexOf(">KASUBBAG KEUANGAN<");
    expect(kasubbag).toBeGreaterThan(0);
    expect(camat).toBeGreaterThan(kasubbag);
    // the section before the Camat's title page ends there; sections default to starting a new page
    const between = xml.slice(kasubbag, camat);
    expect(between).toContain("<w:sectPr");
    expect(xml).not.toMatch(/<w:type w:val="continuous"\/>/);
  });
});
