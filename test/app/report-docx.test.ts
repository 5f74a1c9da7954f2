/**
 * The .docx of the real 2024 report (Kasubbag Keuangan, TW II) as a reader gets it: LibreOffice
 * converts it to PDF, poppler reads the pages back. The first pages and the continued Tabel 2.3 are
 * kept as PNG under out/report/. Also the package itself: absolute widths on grid and cells,
 * header rows marked to repeat, landscape sections, the charts, the stamped page header.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { readWorkbookModel } from "../../src/app/read-model";
import { exportDocx, reportFileName } from "../../src/app/report-export";
import { contentWidth } from "../../src/app/report/docx";
import { buildReport, reportJabatan } from "../../src/core/report/build";
import type { Report, ReportTable } from "../../src/core/report/types";
import { pdfPages, pdfPageSizes, pdfToPngs, toPdf } from "../support/documents";
import { correctWorkbook2024 } from "../support/workbooks";

jest.setTimeout(180_000);
const OUT = join(__dirname, "../../out/report");
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
let report: Report;
let docx: Uint8Array;
let pdf: Uint8Array;
let pages: string[];
let sizes: [number, number][];
const tables = (): ReportTable[] => report.sections.flatMap((s) => s.tables);

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const model = await readWorkbookModel(await correctWorkbook2024());
  report = buildReport(model, { jabatan: reportJabatan(model)[0]! });
  docx = await exportDocx(report);
  writeFileSync(join(OUT, reportFileName(report, "docx")), docx);
  pdf = await toPdf(docx, "docx");
  writeFileSync(join(OUT, reportFileName(report, "docx").replace(/\.docx$/, ".pdf")), pdf);
  pages = await pdfPages(pdf);
  sizes = await pdfPageSizes(pdf);
  await pdfToPngs(pdf, join(OUT, "docx-halaman"), { first: 1, last: 8, dpi: 60 });
});

test("the file name carries unit, jabatan, year and period", () => {
  expect(reportFileName(report, "docx")).toBe("LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II.docx");
});

test("the PDF holds the tables' numbers as the report writes them", () => {
  const text = pages.join("\n");
  const cpo = tables().find((t) => t.id === "cpo")!;
  // Tabel 2.3's sasaran row: pagu, realisasi, penyerapan, capaian, efisiensi
  for (const s of ["Tabel 2.3", "7.229.814.333", "3.844.101.645", "53,17%", "52,00%", "-1,17%", "(10=6-9)"]) expect(text).toContain(s);
  for (const row of cpo.rows) for (const cell of row.slice(5)) if (cell.text !== "") expect(text).toContain(cell.text);
  const total = tables().find((t) => t.id === "realisasi-anggaran")!.total!;
  expect(text).toContain(total[3]!.text);
  expect(text.replace(/\s+/g, " ")).toContain("tiga miliar dua ratus sembilan puluh empat juta");
});

test("every page is headed with unit, jabatan, period and year, and numbered", () => {
  pages.forEach((p, i) => {
    expect(p).toContain("Kecamatan Lumajang · LKj Kasubbag Keuangan · Triwulan II Tahun 2024");
    expect(p).toContain(`Halaman ${i + 1} dari ${pages.length}`);
  });
});

test("wide tables print on landscape pages, the rest portrait", () => {
  const landscape = (i: number) => sizes[i]![0] > sizes[i]![1];
  const pageOf = (s: string) => pages.findIndex((p) => p.includes(s));
  expect(landscape(pageOf("Tabel 2.3"))).toBe(true);
  expect(landscape(pageOf("Lembar Dokumen Perjanjian Kinerja"))).toBe(false);
  expect(landscape(pageOf("Skala Nilai Kriteria"))).toBe(false);
});

test("Tabel 2.3 runs over a page and its two header rows and number row come again on the next", async () => {
  const start = pages.findIndex((p) => p.includes("Cost per outcome Kasubbag Keuangan"));
  const next = pages[start + 1]!;
  // the next page continues the table (a later row), without its title
  const cpo = tables().find((t) => t.id === "cpo")!;
  expect(next).not.toContain("Cost per outcome");
  const continued = cpo.rows.map((r) => r[6]!.text).filter((pagu) => !pages[start]!.includes(pagu) && next.includes(pagu));
  expect(continued.length).toBeGreaterThan(0);
  for (const h of ["Kinerja", "Anggaran", "Efisiensi", "Pagu (Rp)", "(6=5/4)", "(9=8/7)", "(10=6-9)"]) expect(next).toContain(h);
  // the header stands above the page's first continued row
  expect(next.indexOf("(10=6-9)")).toBeLessThan(next.indexOf(continued[0]!));
  await pdfToPngs(pdf, join(OUT, "docx-tabel-2.3-lanjutan"), { first: start + 2, last: start + 2, dpi: 70 });
});

test("the package: absolute widths on every grid column and cell, repeated header rows, charts with a PNG fallback", async () => {
  const zip = await JSZip.loadAsync(docx);
  const doc = new DOMParser().parseFromString(await zip.file("word/document.xml")!.async("string"), "text/xml");
  const tbls = Array.from(doc.getElementsByTagNameNS(W, "tbl"));
  expect(tbls).toHaveLength(tables().length);
  tbls.forEach((tbl, i) => {
    const t = tables()[i]!;
    const grid = Array.from(tbl.getElementsByTagNameNS(W, "gridCol")).map((g) => Number(g.getAttributeNS(W, "w")));
    expect(grid).toHaveLength(t.widths.length);
    expect(grid.reduce((s, x) => s + x, 0)).toBe(contentWidth(t.orientation));
    const tblW = tbl.getElementsByTagNameNS(W, "tblW")[0]!;
    expect([tblW.getAttributeNS(W, "type"), Number(tblW.getAttributeNS(W, "w"))]).toEqual(["dxa", contentWidth(t.orientation)]);
    expect(tbl.getElementsByTagNameNS(W, "tblLayout")[0]!.getAttributeNS(W, "type")).toBe("fixed");
    for (const tcW of Array.from(tbl.getElementsByTagNameNS(W, "tcW"))) {
      expect(tcW.getAttributeNS(W, "type")).toBe("dxa");
      expect(Number(tcW.getAttributeNS(W, "w"))).toBeGreaterThan(0);
    }
    const headerRows = Array.from(tbl.getElementsByTagNameNS(W, "tr")).filter((tr) => tr.getElementsByTagNameNS(W, "tblHeader").length > 0);
    expect(headerRows).toHaveLength(t.header.length + (t.numberRow ? 1 : 0));
  });
  const orients = Array.from(doc.getElementsByTagNameNS(W, "pgSz")).map((p) => p.getAttributeNS(W, "orient") || "portrait");
  expect(orients).toEqual(expect.arrayContaining(["portrait", "landscape"]));
  const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
  expect(media.filter((f) => f.endsWith(".png"))).toHaveLength(report.charts.length);
  expect(media.filter((f) => f.endsWith(".svg"))).toHaveLength(report.charts.length);
  for (const c of report.charts) expect(pages.join("\n")).toContain(c.title);
});
