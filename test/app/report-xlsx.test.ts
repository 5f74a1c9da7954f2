/**
 * The portable .xlsx of the real 2024 report: LibreOffice opens and recalculates it (no error cell,
 * the report's values), prints it to PDF under an Indonesian locale (every cell reads as in the
 * report, the charts are drawn: their titles are in the PDF and the chart page is kept as PNG under
 * out/report/), and the xlsx adapter reads back the same table cells. The charts' parts are checked
 * in the package: chart, drawing, relationships, content types, series pointing at the data cells.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { readWorkbookModel } from "../../src/app/read-model";
import { rangeA1 } from "../../src/core/address";
import { exportReportXlsx, reportFileName } from "../../src/app/report-export";
import { reportLayouts } from "../../src/app/report/xlsx";
import { buildReport, reportJabatan } from "../../src/core/report/build";
import type { SheetLayout } from "../../src/core/report/sheet-layout";
import type { Report } from "../../src/core/report/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { pdfPages, pdfToPngs, toPdf } from "../support/documents";
import { seedWorkbook } from "../support/fixture-workbook";
import { recalculate } from "../support/libreoffice";
import { correctWorkbook2024 } from "../support/workbooks";

jest.setTimeout(180_000);
const OUT = join(__dirname, "../../out/report");
let report: Report;
let xlsx: Uint8Array;
let layouts: SheetLayout[];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const model = await readWorkbookModel(await correctWorkbook2024());
  report = buildReport(model, { jabatan: reportJabatan(model)[0]! });
  const started = Date.now();
  xlsx = await exportReportXlsx([report]);
  // eslint-disable-next-line no-console
  console.log(`xlsx: ${xlsx.length} bytes in ${Date.now() - started} ms`);
  writeFileSync(join(OUT, reportFileName(report, "xlsx")), xlsx);
  layouts = reportLayouts([report]);
});

const tableLayouts = () => layouts.filter((l) => l.charts.length === 0);

test("LibreOffice recalculates it with no error cell and the report's values in every cell", async () => {
  const { sheets } = await recalculate(xlsx);
  expect(Object.keys(sheets)).toEqual(["Daftar Isi", ...layouts.map((l) => l.name)]);
  let compared = 0;
  for (const layout of layouts) {
    const values = sheets[layout.name]!;
    for (const row of values) for (const v of row) expect(typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(v)).toBe(false);
    for (const c of layout.cells) {
      const got = values[c.row]?.[c.col] ?? null;
      if (typeof c.value === "number") expect(got).toBeCloseTo(c.value, 9);
      else expect(got ?? null).toBe(c.value === "" ? null : c.value);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(500);
});

test("printed under an Indonesian locale every table cell reads as in the report, and the charts are drawn", async () => {
  const pdf = await toPdf(xlsx, "xlsx");
  const pages = await pdfPages(pdf);
  const all = pages.join("\n");
  for (const table of report.sections.flatMap((s) => s.tables)) {
    // pages after the Daftar Isi, which lists every title too
    const page = pages.slice(1).find((p) => p.includes(table.title))!;
    expect(page).toBeDefined();
    for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
      for (const cell of row) if (cell.kind !== "text" && cell.text !== "") expect(page).toContain(cell.text);
    }
  }
  for (const s of ["7.229.814.333", "52,00%", "-1,17%", "64 Orang", "1 Dokumen"]) expect(all).toContain(s);
  const chartPage = pages.findIndex((p, i) => i > 0 && p.includes("Grafik Kasubbag Keuangan"));
  for (const c of report.charts) expect(pages[chartPage]).toContain(c.title);
  // the value axis of the capaian chart and the reference line's legend are drawn text
  expect(pages[chartPage]).toContain("Capaian (%)");
  expect(pages[chartPage]).toContain("Target 100%");
  await pdfToPngs(pdf, join(OUT, "xlsx-halaman"), { first: 1, last: pages.length, dpi: 60 });
  writeFileSync(join(OUT, reportFileName(report, "xlsx").replace(/\.xlsx$/, ".pdf")), pdf);
});

test("reading the export back with the xlsx adapter gives the same table cells, formats and print titles", async () => {
  const wb = await XlsxWorkbook.fromBuffer(xlsx);
  const workbookXml = new DOMParser().parseFromString(await (await JSZip.loadAsync(xlsx)).file("xl/workbook.xml")!.async("string"), "text/xml");
  const printTitles = Array.from(workbookXml.getElementsByTagName("definedName"))
    .filter((d) => d.getAttribute("name") === "_xlnm.Print_Titles")
    .map((d) => d.textContent);
  for (const layout of tableLayouts()) {
    const [cells] = await wb.read([{ sheet: layout.name, row: 0, col: 0, rows: layout.lastRow + 1, cols: layout.lastCol + 1 }]);
    for (const c of layout.cells) {
      const got = cells![c.row]![c.col]!;
      expect(got.formula).toBeNull();
      expect(got.value).toEqual(c.value);
      if (c.numberFormat) expect(got.numberFormat).toBe(c.numberFormat);
    }
    expect(printTitles).toContain(`'${layout.name}'!$${layout.printTitleRows![0] + 1}:$${layout.printTitleRows![1] + 1}`);
  }
});

test("the package holds one native chart per report chart, wired sheet → drawing → chart, series on the data cells", async () => {
  const zip = await JSZip.loadAsync(xlsx);
  const files = Object.keys(zip.files);
  const charts = files.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort();
  expect(charts).toHaveLength(report.charts.length);
  expect(files).toContain("xl/drawings/drawing1.xml");
  expect(files).toContain("xl/drawings/_rels/drawing1.xml.rels");
  const types = await zip.file("[Content_Types].xml")!.async("string");
  for (const c of charts) expect(types).toContain(`PartName="/${c}"`);
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
  const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  const chartLayout = layouts.find((l) => l.charts.length > 0)!;
  for (const [i, path] of charts.entries()) {
    const doc = new DOMParser().parseFromString(await zip.file(path)!.async("string"), "text/xml");
    const refs = Array.from(doc.getElementsByTagNameNS(C, "f")).map((f) => f.textContent);
    const placement = chartLayout.charts[i]!;
    expect(refs).toContain(`Grafik!${rangeA1(placement.series[0]!.values, true)}`);
    expect(refs).toContain(`Grafik!${rangeA1(placement.categories, true)}`);
    const cached = Array.from(doc.getElementsByTagNameNS(C, "numCache")[0]!.getElementsByTagNameNS(C, "v")).map((v) => Number(v.textContent));
    expect(cached).toEqual(placement.chart.series[0]!.values.filter((v) => v !== null));
    expect(doc.getElementsByTagNameNS(C, "lineChart")).toHaveLength(placement.chart.reference ? 1 : 0);
  }
  const grafik = await zip.file("xl/worksheets/sheet" + (layouts.indexOf(chartLayout) + 2) + ".xml")!.async("string");
  expect(grafik).toMatch(/<drawing r:id="rId\d+"\/>/);
});

test("several reports share one workbook under unique sheet names Excel accepts", async () => {
  const sw = await seedWorkbook("001", "correct");
  const model = await readWorkbookModel(sw.wb);
  const reports = reportJabatan(model).map((j) => buildReport(model, { jabatan: j }));
  const names = reportLayouts(reports).map((l) => l.name);
  expect(reports.length).toBe(7);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  for (const n of names) {
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/[[\]:*?/\\]/);
  }
  expect(names).toContain("Kasubbag Umum dan Kepegawai 2.3");
  expect(reportFileName(reports, "xlsx")).toBe("LKj-Kecamatan_Tempursari-2022-TW_I.xlsx");
  const bytes = await exportReportXlsx(reports);
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  expect((await wb.sheets()).map((s) => s.name)).toEqual(["Daftar Isi", ...names]);
});
