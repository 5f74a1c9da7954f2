/**
 * A report laid out as a "Laporan" sheet of the workbook: the tables one under another as the LKj prints
 * them (title, two-row merged header, number row, rows, JUMLAH), bordered, sized and set up for print.
 * The sheet is generated: its first cell says so and carries a fingerprint of everything the product
 * wrote, so a later regeneration can tell whether the user changed a cell there, and refuse to throw
 * the change away silently.
 */
import { a1 } from "../address";
import type { CellContent, CellSnapshot, CellStyle, RangeRef, WorkbookOp } from "../workbook-ops";
import { wrappedLines } from "./sheet-layout";
import type { Report, ReportCell, ReportTable } from "./types";

const HEADER_STYLE: CellStyle = { bold: true, wrap: true, horizontal: "center", vertical: "middle", fill: "#D9E2F3", border: "thin" };
const MARK = "SAKIP:";

/** "Laporan Kasubbag Keuangan TW II" within Excel's 31 characters; unique per jabatan and period. */
export function reportSheetName(jabatan: string, periode: string): string {
  const p = periode === "Tahunan" ? "Thn" : periode.replace(/\s+/g, "");
  const short = jabatan
    .replace(/Kepala\s+/i, "")
    .replace(/Sub\s*bagian/i, "Subbag")
    .replace(/Kecamatan/i, "Kec")
    .replace(/\s+dan\s+/i, " & ")
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const base = `Lap ${short}`.slice(0, 31 - p.length - 1).trim();
  return `${base} ${p}`;
}

export interface LaidOutSheet {
  ops: WorkbookOp[];
  /** Every cell the layout writes, by A1, with what it holds (for the fingerprint). */
  cells: Map<string, string>;
  rows: number;
  cols: number;
  /** The row of each table's title (0-based): where the printed pages break. */
  tableStarts: number[];
}

/** FNV-1a over the written cells, in a stable order: a short code for the first cell. */
export function fingerprint(cells: ReadonlyMap<string, string>): string {
  let h = 0x811c9dc5;
  for (const k of [...cells.keys()].sort()) {
    const s = `${k}=${cells.get(k)}\n`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(36).toUpperCase().padStart(7, "0");
}

/** What a cell holds, as the fingerprint reads it (the same text for a written value and a read one). */
export function cellKey(v: CellContent | CellSnapshot["value"]): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "object") return `=${v.formula}`;
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return String(v);
}

/** Money and percents as numbers under their formats; a target or realisasi as printed, with its unit. */
function contentOf(c: ReportCell): CellContent {
  if (c.kind === "money" || c.kind === "percent") return c.value === null ? (c.text === "" ? null : c.text) : c.value;
  return c.text === "" ? null : c.text;
}

/** Lays the report out; `at` is when it is generated (written into the marker). */
export function layoutReportSheet(report: Report, sheet: string, at: Date): LaidOutSheet {
  const ops: WorkbookOp[] = [];
  const cells = new Map<string, string>();
  const tables = report.sections.flatMap((s) => s.tables);
  const cols = Math.max(...tables.map((t) => t.widths.length), 2);
  const write = (row: number, col: number, values: CellContent[]) => {
    ops.push({ type: "write", sheet, row, col, cells: [values] });
    values.forEach((v, j) => {
      const k = cellKey(v);
      if (k !== "") cells.set(a1(row, col + j), k);
    });
  };
  const range = (row: number, col: number, rows: number, c: number): RangeRef => ({ sheet, row, col, rows, cols: c });

  let row = 3;
  write(1, 0, [`${report.unit} — ${report.jabatan} — ${report.periodeLabel} ${report.tahun}`]);
  ops.push({ type: "format", range: range(1, 0, 1, 1), style: { bold: true } });
  const tableStarts: number[] = [];
  let last = row;
  for (const t of tables) {
    tableStarts.push(row);
    row = layoutTable(t, row, write, ops, range);
    last = row;
    row += 2;
  }
  // the marker goes last into the fingerprint's cell: it names the fingerprint of everything else
  const code = fingerprint(cells);
  const stamp = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`;
  ops.unshift({ type: "write", sheet, row: 0, col: 0, cells: [[`Dibuat otomatis oleh SAKIP Workbook (${stamp}); perubahan di lembar ini hilang saat laporan dibuat ulang. ${MARK}${code}`]] });
  ops.push({ type: "format", range: range(0, 0, 1, 1), style: { italic: true, fontColor: "#595959" } });
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...tables.map((t) => t.widths[c] ?? 0), 8));
  ops.push({ type: "columnWidths", sheet, widths: widths.map((width, col) => ({ col, width })) });
  // wrapped text needs its rows tall enough: a file's rows are not fitted when Excel or LibreOffice opens it
  const heights = rowHeights(ops, sheet, widths);
  if (heights.length) ops.push({ type: "rowHeights", sheet, heights });
  const landscape = tables.some((t) => t.orientation === "landscape");
  // printed as the LKj is: every table from a new page, the line naming unit, jabatan and period atop each page
  ops.push({
    type: "pageSetup",
    sheet,
    setup: { orientation: landscape ? "landscape" : "portrait", fitToWidth: true, printTitleRows: [1, 1], printArea: { rows: last, cols }, rowBreaks: tableStarts.slice(1) },
  });
  return { ops, cells, rows: row, cols, tableStarts };
}

/** Points per line of 11 pt text, and the cell's padding. */
const LINE_HEIGHT = 15;
const DEFAULT_HEIGHT = 15;

/**
 * Heights of the rows whose wrapped cells take more than one line at the columns' widths; a merged
 * cell's text wraps over the width of the columns it spans, and its lines are shared by its rows.
 */
function rowHeights(ops: readonly WorkbookOp[], sheet: string, widths: readonly number[]): { row: number; height: number }[] {
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const op of ops) if (op.type === "merge") spans.set(`${op.range.row}:${op.range.col}`, { rows: op.range.rows, cols: op.range.cols });
  const lines = new Map<number, number>();
  for (const op of ops) {
    if (op.type !== "write" || op.sheet !== sheet || op.row < 2) continue;
    op.cells.forEach((values, i) =>
      values.forEach((v, j) => {
        if (typeof v !== "string" || v === "") return;
        const row = op.row + i;
        const col = op.col + j;
        const span = spans.get(`${row}:${col}`) ?? { rows: 1, cols: 1 };
        // a table's title is one line across the sheet: it is not wrapped
        if (span.cols === 1 && col === 0 && /^Tabel \d/.test(v)) return;
        const width = widths.slice(col, col + span.cols).reduce((s, w) => s + w, 0);
        const n = Math.ceil(wrappedLines(v, width) / span.rows);
        lines.set(row, Math.max(lines.get(row) ?? 1, n));
      }),
    );
  }
  return [...lines]
    .filter(([, n]) => n > 1)
    .sort((a, b) => a[0] - b[0])
    .map(([row, n]) => ({ row, height: Math.max(DEFAULT_HEIGHT, n * LINE_HEIGHT + 3) }));
}

function layoutTable(
  t: ReportTable,
  start: number,
  write: (row: number, col: number, values: CellContent[]) => void,
  ops: WorkbookOp[],
  range: (row: number, col: number, rows: number, cols: number) => RangeRef,
): number {
  const n = t.widths.length;
  let row = start;
  write(row, 0, [`${t.number} ${t.title}`]);
  ops.push({ type: "format", range: range(row, 0, 1, 1), style: { bold: true } });
  row++;
  // header rows: a cell spanning rows or columns is merged; the cells it covers stay empty
  const headerStart = row;
  const taken = new Set<string>();
  t.header.forEach((hr, i) => {
    let col = 0;
    const values: CellContent[] = Array(n).fill(null);
    for (const h of hr) {
      while (taken.has(`${i}:${col}`)) col++;
      values[col] = h.text;
      const rs = h.rowSpan ?? 1;
      const cs = h.colSpan ?? 1;
      for (let a = 0; a < rs; a++) for (let b = 0; b < cs; b++) taken.add(`${i + a}:${col + b}`);
      if (rs > 1 || cs > 1) ops.push({ type: "merge", range: range(row + i, col, rs, cs) });
      col += cs;
    }
    write(row + i, 0, values);
  });
  row += t.header.length;
  if (t.numberRow) {
    write(row, 0, t.numberRow);
    row++;
  }
  ops.push({ type: "format", range: range(headerStart, 0, row - headerStart, n), style: HEADER_STYLE, numberFormat: "@" });
  const bodyStart = row;
  for (const r of [...t.rows, ...(t.total ? [t.total] : [])]) {
    write(row, 0, r.map(contentOf));
    r.forEach((c, j) => {
      if (c.numberFormat && (c.kind === "money" || c.kind === "percent")) ops.push({ type: "format", range: range(row, j, 1, 1), numberFormat: c.numberFormat });
      if (c.bold) ops.push({ type: "format", range: range(row, j, 1, 1), style: { bold: true } });
    });
    row++;
  }
  if (row > bodyStart) ops.push({ type: "format", range: range(bodyStart, 0, row - bodyStart, n), style: { border: "thin", wrap: true, vertical: "top" } });
  return row;
}

/** The fingerprint a generated sheet's first cell carries; null when the cell is not the product's. */
export function markedFingerprint(first: unknown): string | null {
  if (typeof first !== "string") return null;
  const m = /SAKIP:([0-9A-Z]{7})\s*$/.exec(first);
  return m ? m[1]! : null;
}

/**
 * Whether a generated sheet still holds exactly what was written: the fingerprint of its cells (all but
 * the first) against the one its first cell names. `cells` is the sheet read from A1.
 */
export function editedCells(cells: readonly (readonly CellSnapshot[])[]): { marked: boolean; edited: boolean } {
  const code = markedFingerprint(cells[0]?.[0]?.value);
  if (!code) return { marked: false, edited: false };
  const seen = new Map<string, string>();
  cells.forEach((row, r) =>
    row.forEach((c, j) => {
      if (r === 0 && j === 0) return;
      const k = cellKey(c.formula !== null ? { formula: c.formula } : c.value);
      if (k !== "") seen.set(a1(r, j), k);
    }),
  );
  return { marked: true, edited: fingerprint(seen) !== code };
}
