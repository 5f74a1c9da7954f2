/**
 * The portable .xlsx of one or more reports: the core's sheet layouts written with ExcelJS (values
 * and Excel number formats only — nothing that needs the add-in), print-ready (A4, orientation of the
 * table, fit to page width, print area, header rows repeated on every page, page header and numbers),
 * then native charts added to the package (workbook/xlsx/chart-parts.ts), since ExcelJS cannot write charts.
 */
import { Workbook, type Borders, type Worksheet } from "exceljs";
import JSZip from "jszip";
import { a1, rangeA1, sheetRef } from "../../core/address";
import { chartSheetLayout, SHEET_FONT_SIZE, tableSheetLayout, type ChartPlacement, type SheetLayout } from "../../core/report/sheet-layout";
import type { Report, TableId } from "../../core/report/types";
import { periodeTitle } from "../../core/report/stamp";
import { addCharts, zipStore } from "../../workbook/xlsx/chart-parts";

const FONT = "Arial";
/** Inches: 3 cm on the binding side, 2.5 cm elsewhere. */
const MARGINS = { left: 1.18, right: 0.98, top: 0.98, bottom: 0.98, header: 0.4, footer: 0.4 };
const A4 = 9;

const TABLE_LABEL: Record<TableId, string> = {
  pk: "Perjanjian Kinerja",
  "pk-anggaran": "Anggaran PK",
  capaian: "Capaian Kinerja",
  cpo: "Cost per Outcome",
  "capaian-tahunan": "Realisasi per TW",
  "realisasi-anggaran": "Realisasi Anggaran",
  efisiensi: "Efisiensi",
  "lra-ringkasan": "Ringkasan LRA",
  skala: "Skala Nilai",
};

export const CONTENTS_SHEET = "Daftar Isi";

/** A sheet name Excel accepts: none of []:*?/\, at most 31 characters, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, "").replace(/^'+|'+$/g, "").trim() || "Lembar";
  let name = clean.slice(0, 31).trim();
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - ` (${n})`.length).trim()} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The layouts of the reports: per report, one sheet per table and one of charts. */
export function reportLayouts(reports: readonly Report[]): SheetLayout[] {
  const taken = new Set<string>([CONTENTS_SHEET.toLowerCase()]);
  const out: SheetLayout[] = [];
  const several = reports.length > 1;
  for (const report of reports) {
    const numbers = new Map<string, number>();
    // with several reports the jabatan leads the name, cut so the table number stays visible
    const named = (tail: string) => (several ? `${report.jabatan.slice(0, 30 - tail.length).trim()} ${tail}` : tail);
    for (const table of report.sections.flatMap((s) => s.tables)) {
      const number = table.number.replace(/^Tabel\s*/i, "").replace(/\.$/, "");
      const seen = numbers.get(number) ?? 0;
      numbers.set(number, seen + 1);
      const tail = several ? `${number}${seen ? String.fromCharCode(97 + seen) : ""}` : `${number} ${TABLE_LABEL[table.id]}`;
      out.push(tableSheetLayout(report, table, sheetName(named(tail), taken)));
    }
    if (report.charts.length > 0) out.push(chartSheetLayout(report, sheetName(named("Grafik"), taken)));
  }
  return out;
}

export async function renderReportXlsx(reports: readonly Report[]): Promise<Uint8Array> {
  if (reports.length === 0) throw new Error("renderReportXlsx needs at least one report");
  const layouts = reportLayouts(reports);
  const wb = new Workbook();
  wb.creator = "SAKIP Workbook";
  wb.title = `Laporan Kinerja ${reports[0]!.unit} ${periodeTitle(reports[0]!)}`;
  contents(wb, reports, layouts);
  for (const layout of layouts) writeSheet(wb, layout);

  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const charts = new Map<string, ChartPlacement[]>(layouts.filter((l) => l.charts.length > 0).map((l) => [l.name, l.charts]));
  await addCharts(zipStore(zip), charts);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

// ------------------------------------------------------------------ sheets

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const ALL_THIN: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
/** Text in a page header: "&" is the header's own code character. */
const headerText = (s: string) => s.replace(/&/g, "&&");

function writeSheet(wb: Workbook, layout: SheetLayout): Worksheet {
  const ws = wb.addWorksheet(layout.name, {
    views: [{ state: layout.freezeRows > 0 ? "frozen" : "normal", ySplit: layout.freezeRows, showGridLines: false }],
    pageSetup: {
      paperSize: A4,
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
      printArea: `A1:${a1(layout.lastRow, layout.lastCol)}`,
      ...(layout.printTitleRows ? { printTitlesRow: `${layout.printTitleRows[0] + 1}:${layout.printTitleRows[1] + 1}` } : {}),
    },
    headerFooter: {
      oddHeader: `&R&"${FONT},Regular"&8${headerText(layout.pageHeader)}`,
      oddFooter: `&C&"${FONT},Regular"&8Halaman &P dari &N`,
    },
  });
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  layout.heights.forEach((h, r) => {
    if (h !== undefined) ws.getRow(r + 1).height = h;
  });
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.value !== null) cell.value = c.value;
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    const s = c.style;
    cell.font = { name: FONT, size: SHEET_FONT_SIZE, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}) };
    cell.alignment = { ...(s.wrap ? { wrapText: true } : {}), ...(s.horizontal ? { horizontal: s.horizontal } : {}), vertical: s.vertical ?? "middle" };
    if (s.border === "thin") cell.border = ALL_THIN;
    if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  }
  for (const m of layout.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  return ws;
}

/** The first sheet: whose reports these are, and a link to every table's sheet. */
function contents(wb: Workbook, reports: readonly Report[], layouts: readonly SheetLayout[]): void {
  const ws = wb.addWorksheet(CONTENTS_SHEET, { views: [{ showGridLines: false }], pageSetup: { paperSize: A4, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: MARGINS } });
  const first = reports[0]!;
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 90;
  const bold = { name: FONT, size: 12, bold: true };
  ws.getCell("A1").value = "LAPORAN KINERJA";
  ws.getCell("A1").font = { ...bold, size: 14 };
  ws.getCell("A2").value = [first.unit, first.pemda].filter(Boolean).join(" - ");
  ws.getCell("A2").font = bold;
  ws.getCell("A3").value = periodeTitle(first);
  ws.getCell("A3").font = bold;
  ws.getCell("A5").value = "Lembar";
  ws.getCell("B5").value = "Isi";
  for (const c of ["A5", "B5"]) ws.getCell(c).font = { name: FONT, size: 10, bold: true };
  layouts.forEach((layout, i) => {
    const row = 6 + i;
    const link = ws.getCell(row, 1);
    link.value = { text: layout.name, hyperlink: `#${sheetRef(layout.name, rangeA1({ row: 0, col: 0, rows: 1, cols: 1 }))}` };
    link.font = { name: FONT, size: 10, color: { argb: "FF0563C1" }, underline: true };
    const what = layout.charts.length > 0 ? String(layout.cells[0]?.value ?? "Grafik") : `${String(layout.cells[0]?.value ?? "")} ${String(layout.cells[1]?.value ?? "")}`.trim();
    ws.getCell(row, 2).value = what;
    ws.getCell(row, 2).font = { name: FONT, size: 10 };
  });
}
