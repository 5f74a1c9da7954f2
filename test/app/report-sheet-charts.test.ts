/**
 * The charts of a Laporan sheet written through the workbook port: each chart's data as cells below
 * the tables and a native chart reading exactly those cells — in the memory workbook, in a saved .xlsx
 * that LibreOffice draws, and regenerated without doubling.
 */
import JSZip from "jszip";
import { readWorkbookModel } from "../../src/app/read-model";
import { buildReport } from "../../src/core/report/build";
import { editedCells, layoutReportSheet, reportSheetName } from "../../src/core/report/sheet";
import type { Report } from "../../src/core/report/types";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { SheetChart, WorkbookOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { pdfPages, toPdf } from "../support/documents";
import { correctWorkbook2024 } from "../support/workbooks";

const describeLibreOffice = process.env.SAKIP_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;

let report: Report;
let sheet: string;
beforeAll(async () => {
  const model = await readWorkbookModel(await correctWorkbook2024());
  report = buildReport(model, { jabatan: "Kasubbag Keuangan" });
  sheet = reportSheetName(report.jabatan, report.periode);
});

const chartsOf = (ops: readonly WorkbookOp[]): SheetChart[] => ops.flatMap((op) => (op.type === "chart" ? [op.chart] : []));

test("the sheet's old charts go first; then one native chart per report chart, reading the data cells written for it", async () => {
  expect(report.charts.map((c) => c.id)).toEqual(["capaian", "anggaran"]);
  const laid = layoutReportSheet(report, sheet, new Date(2026, 11, 2));
  const types = laid.ops.map((op) => op.type);
  expect(types.filter((t) => t === "deleteCharts")).toHaveLength(1);
  expect(types.indexOf("deleteCharts")).toBeLessThan(types.indexOf("chart"));
  const charts = chartsOf(laid.ops);
  expect(charts.map((c) => [c.title, c.unit])).toEqual(report.charts.map((c) => [c.title, c.unit]));

  const wb = new MemoryWorkbook();
  await wb.apply([{ type: "addSheet", sheet }, ...laid.ops]);
  expect(wb.sheet(sheet)!.charts).toEqual(charts);
  const at = (r: { row: number; col: number; rows: number; cols: number }) => wb.read([{ sheet, ...r }]).then(([b]) => b!.map((row) => row[0]!));
  for (const [i, chart] of charts.entries()) {
    const source = report.charts[i]!;
    expect((await at(chart.categories)).map((c) => c.value)).toEqual(source.categories);
    for (const [j, s] of chart.series.entries()) {
      expect(s.name).toBe(source.series[j]!.name);
      expect((await at({ ...s.nameCell, rows: 1, cols: 1 }))[0]!.value).toBe(s.name);
      const cells = await at(s.values);
      expect(cells.map((c) => c.value)).toEqual(source.series[j]!.values);
      expect(cells[0]!.numberFormat).toBe(chart.unit === "percent" ? "0.00%" : "#,##0");
    }
    if (source.reference) expect((await at(chart.reference!.values)).map((c) => c.value)).toEqual(source.categories.map(() => source.reference!.value));
    else expect(chart.reference).toBeUndefined();
    // below its data, inside the sheet's extent, one chart under the other
    expect(chart.anchor.row).toBeGreaterThan(chart.categories.row + chart.categories.rows - 1);
    expect(chart.anchor.row + chart.anchor.rows).toBeLessThanOrEqual(laid.rows);
    if (i > 0) expect(chart.categories.row).toBeGreaterThan(charts[i - 1]!.anchor.row + charts[i - 1]!.anchor.rows - 1);
  }
  // the chart data is part of what the fingerprint guards
  const [cells] = await wb.read([{ sheet, row: 0, col: 0, rows: laid.rows, cols: laid.cols }]);
  expect(editedCells(cells!)).toEqual({ marked: true, edited: false });
  const value = charts[0]!.series[0]!.values;
  await wb.apply([{ type: "write", sheet, row: value.row, col: value.col, cells: [[0.5]] }]);
  const [after] = await wb.read([{ sheet, row: 0, col: 0, rows: laid.rows, cols: laid.cols }]);
  expect(editedCells(after!)).toEqual({ marked: true, edited: true });
});

test("written to an .xlsx and regenerated there, the sheet holds exactly its report's charts", async () => {
  const laid = layoutReportSheet(report, sheet, new Date(2026, 11, 2));
  const first = XlsxWorkbook.create();
  await first.apply([{ type: "addSheet", sheet }, ...laid.ops]);
  const reopened = await XlsxWorkbook.fromBuffer(await first.toBuffer());
  await reopened.apply([{ type: "clear", range: { sheet, row: 0, col: 0, rows: laid.rows, cols: laid.cols } }, ...layoutReportSheet(report, sheet, new Date(2026, 11, 3)).ops]);
  const zip = await JSZip.loadAsync(await reopened.toBuffer());
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(report.charts.length);
  const texts = await Promise.all(charts.map((f) => zip.file(f)!.async("string")));
  for (const c of report.charts) expect(texts.filter((t) => t.includes(`<a:t>${c.title}</a:t>`))).toHaveLength(1);
});

describeLibreOffice("LibreOffice", () => {
  test("draws the Laporan sheet's charts: their titles and axis titles are in the PDF", async () => {
    const laid = layoutReportSheet(report, sheet, new Date(2026, 11, 2));
    const wb = XlsxWorkbook.create();
    await wb.apply([{ type: "addSheet", sheet }, ...laid.ops]);
    const text = (await pdfPages(await toPdf(await wb.toBuffer(), "xlsx"))).join("\n").replace(/\s+/g, " ");
    for (const c of report.charts) expect(text).toContain(c.title);
    expect(text).toContain("Capaian (%)");
    expect(text).toMatch(/Anggaran \((miliar|juta) rupiah\)/);
  }, 120_000);
});
