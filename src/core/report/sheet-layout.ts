/**
 * A report laid out on worksheets, as data: which cell holds what, merged header cells, borders,
 * widths, row heights, the rows to repeat on every printed page, orientation. One sheet per table —
 * print titles, orientation and column widths are per sheet in Excel, so tables of different shapes
 * cannot share one and still print as the Laporan does — and one sheet of charts with their data.
 * Pure: the portable .xlsx writes it with ExcelJS; Laporan sheets in a workbook can write the same
 * layout through the workbook port.
 */
import type { Rect } from "../address";
import type { CellStyle } from "../workbook-ops";
import { displayFormat } from "./sheet-format";
import { pageHeaderText } from "./stamp";
import { longestWords, placeHeader } from "./table-grid";
import type { Report, ReportCell, ReportChart, ReportTable } from "./types";

export interface SheetCell {
  row: number;
  col: number;
  value: string | number | null;
  numberFormat?: string;
  style: CellStyle;
}

export interface ChartPlacement {
  chart: ReportChart;
  /** Category labels, one column. */
  categories: Rect;
  /** Per series: the cell holding its name and its values (one column). */
  series: { name: { row: number; col: number }; values: Rect; numberFormat: string }[];
  /** The reference line as a series of equal values (100% for capaian). */
  reference?: { name: { row: number; col: number }; values: Rect };
  /** Where the chart sits: top-left and bottom-right cells. */
  anchor: Rect;
}

export interface SheetLayout {
  name: string;
  /** Every written cell, 0-based; the table's cells carry borders. */
  cells: SheetCell[];
  merges: Rect[];
  /** Column widths in characters. */
  widths: number[];
  /** Row heights in points; undefined rows keep the default. */
  heights: (number | undefined)[];
  orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  printTitleRows?: [number, number];
  /** Rows frozen on screen above the data. */
  freezeRows: number;
  /** The printed area: A1 to the last cell. */
  lastRow: number;
  lastCol: number;
  /** What the page header prints. */
  pageHeader: string;
  charts: ChartPlacement[];
}

export const SHEET_FONT_SIZE = 10;
/** Points per line of 10 pt text, and the cell's padding. */
const LINE_HEIGHT = 12.75;
const ROW_PADDING = 3;
const HEADER_FILL = "#D9D9D9";
const NUMBER_ROW_FILL = "#F2F2F2";

/** Lines a text takes in a column `width` characters wide (greedy word wrap; bold counted wider). */
export function wrappedLines(text: string, width: number, bold = false): number {
  const capacity = Math.max(1, width - 1) / (bold ? 1.1 : 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= capacity) used = need;
      else if (used === 0) {
        lines += Math.ceil(word.length / capacity) - 1;
        used = word.length % capacity;
      } else {
        lines++;
        used = word.length;
      }
    }
  }
  return Math.max(1, lines);
}

const heightFor = (lines: number): number => Math.round((lines * LINE_HEIGHT + ROW_PADDING) * 4) / 4;

/** Column widths in characters: the table's, widened to its longest word (a number never breaks). */
export function sheetWidths(table: ReportTable): number[] {
  const longest = longestWords(table);
  return table.widths.map((w, i) => Math.max(w, Math.ceil(longest[i]! + 3)));
}

const numeric = (cell: ReportCell): boolean => typeof cell.value === "number" || cell.kind === "money" || cell.kind === "percent" || cell.kind === "number";

export function tableSheetLayout(report: Report, table: ReportTable, name: string): SheetLayout {
  const widths = sheetWidths(table);
  const lastCol = widths.length - 1;
  const total = widths.reduce((s, w) => s + w, 0);
  const cells: SheetCell[] = [];
  const merges: Rect[] = [];
  const heights: (number | undefined)[] = [];
  const border = { border: "thin" } as const;

  cells.push({ row: 0, col: 0, value: table.number, style: { bold: true, horizontal: "center" } });
  cells.push({ row: 1, col: 0, value: table.title, style: { bold: true, horizontal: "center", vertical: "middle", wrap: true } });
  merges.push({ row: 0, col: 0, rows: 1, cols: lastCol + 1 }, { row: 1, col: 0, rows: 1, cols: lastCol + 1 });
  heights[1] = heightFor(wrappedLines(table.title, total, true));
  heights[2] = 6;

  const headerTop = 3;
  const placed = placeHeader(table.header, widths.length);
  const headerLines = table.header.map(() => 1);
  for (const p of placed) {
    const row = headerTop + p.row;
    const span = widths.slice(p.col, p.col + p.colSpan).reduce((s, w) => s + w, 0);
    cells.push({ row, col: p.col, value: p.text, style: { ...border, bold: true, horizontal: "center", vertical: "middle", wrap: true, fill: HEADER_FILL } });
    // the cells a merge covers still carry the border and fill, or the merged box prints open
    for (let r = row; r < row + p.rowSpan; r++) {
      for (let c = p.col; c < p.col + p.colSpan; c++) {
        if (r !== row || c !== p.col) cells.push({ row: r, col: c, value: null, style: { ...border, fill: HEADER_FILL } });
      }
    }
    if (p.rowSpan > 1 || p.colSpan > 1) merges.push({ row, col: p.col, rows: p.rowSpan, cols: p.colSpan });
    const lines = Math.ceil(wrappedLines(p.text, span, true) / p.rowSpan);
    headerLines[p.row] = Math.max(headerLines[p.row]!, lines);
  }
  headerLines.forEach((l, i) => (heights[headerTop + i] = heightFor(l)));
  let row = headerTop + table.header.length;
  if (table.numberRow) {
    table.numberRow.forEach((text, col) => cells.push({ row, col, value: text, style: { ...border, italic: true, horizontal: "center", vertical: "middle", fill: NUMBER_ROW_FILL } }));
    row++;
  }
  const headerBottom = row - 1;

  const dataRow = (r: readonly ReportCell[], bold: boolean) => {
    let lines = 1;
    r.forEach((cell, col) => {
      const isNumber = typeof cell.value === "number";
      const format = isNumber ? displayFormat(cell) : undefined;
      cells.push({
        row,
        col,
        // a number stays a number under a format that shows its text; anything else is the text itself
        value: isNumber ? (cell.value as number) : cell.text === "" ? null : cell.text,
        ...(format ? { numberFormat: format } : {}),
        style: {
          ...border,
          bold: bold || cell.bold === true,
          wrap: true,
          vertical: "middle",
          horizontal: numeric(cell) ? (cell.text === "-" ? "center" : "right") : col === 0 ? "center" : "left",
        },
      });
      lines = Math.max(lines, wrappedLines(cell.text, widths[col]!, bold || cell.bold === true));
    });
    heights[row] = heightFor(lines);
    row++;
  };
  for (const r of table.rows) dataRow(r, false);
  if (table.total) dataRow(table.total, true);

  return {
    name,
    cells,
    merges,
    widths,
    heights,
    orientation: table.orientation,
    printTitleRows: [headerTop, headerBottom],
    freezeRows: headerBottom + 1,
    lastRow: row - 1,
    lastCol,
    pageHeader: pageHeaderText(report),
    charts: [],
  };
}

/**
 * The charts of a report on one sheet: each chart's data as a small table (categories, one column
 * per series, the reference line as a column of equal values) with the chart beside it.
 */
export function chartSheetLayout(report: Report, name: string): SheetLayout {
  const cells: SheetCell[] = [];
  const charts: ChartPlacement[] = [];
  const heights: (number | undefined)[] = [];
  const title = `Grafik ${report.jabatan} - ${report.periodeLabel} Tahun ${report.tahun}`;
  cells.push({ row: 0, col: 0, value: title, style: { bold: true } });
  let top = 2;
  const border = { border: "thin" } as const;
  for (const chart of report.charts) {
    const format = chart.unit === "percent" ? "0.00%" : "#,##0";
    const columns = [...chart.series.map((s) => s.name), ...(chart.reference ? [chart.reference.label] : [])];
    cells.push({ row: top, col: 0, value: chart.unit === "percent" ? "Indikator Kinerja" : "Program / Kegiatan", style: { ...border, bold: true, fill: HEADER_FILL, wrap: true } });
    columns.forEach((c, i) => cells.push({ row: top, col: i + 1, value: c, style: { ...border, bold: true, fill: HEADER_FILL, horizontal: "center", wrap: true } }));
    chart.categories.forEach((category, i) => {
      const r = top + 1 + i;
      cells.push({ row: r, col: 0, value: category, style: { ...border, wrap: true } });
      chart.series.forEach((s, si) => cells.push({ row: r, col: si + 1, value: s.values[i] ?? null, numberFormat: format, style: { ...border, horizontal: "right" } }));
      if (chart.reference) cells.push({ row: r, col: chart.series.length + 1, value: chart.reference.value, numberFormat: chart.unit === "percent" ? "0%" : format, style: { ...border, horizontal: "right" } });
      heights[r] = heightFor(wrappedLines(category, CHART_DATA_WIDTHS[0]!));
    });
    const first = top + 1;
    const last = top + chart.categories.length;
    const rows = Math.max(20, chart.categories.length * 2 + 8);
    charts.push({
      chart,
      categories: { row: first, col: 0, rows: last - first + 1, cols: 1 },
      series: chart.series.map((_, si) => ({ name: { row: top, col: si + 1 }, values: { row: first, col: si + 1, rows: last - first + 1, cols: 1 }, numberFormat: format })),
      ...(chart.reference ? { reference: { name: { row: top, col: chart.series.length + 1 }, values: { row: first, col: chart.series.length + 1, rows: last - first + 1, cols: 1 } } } : {}),
      anchor: { row: top, col: 5, rows, cols: 10 },
    });
    top = Math.max(last, top + rows) + 3;
  }
  return {
    name,
    cells,
    merges: [],
    widths: CHART_DATA_WIDTHS,
    heights,
    orientation: "landscape",
    freezeRows: 0,
    lastRow: Math.max(0, top - 3),
    lastCol: 15,
    pageHeader: pageHeaderText(report),
    charts,
  };
}

const CHART_DATA_WIDTHS = [48, 16, 16, 14, 4];
