/**
 * The no-Excel mode's view of the memory workbook: each sheet's used range as Excel in an Indonesian
 * locale would show it — values, not formulas. The memory workbook does not calculate; a standard
 * formula shows the value of the core's twin of its column (the read model), which is what Excel and
 * LibreOffice compute from the same cells; any other formula shows the value the file had cached, or
 * says in its tooltip that it cannot be computed here. The formula itself is kept for the formula line.
 */
import { a1, type Address } from "../core/address";
import { PENGATURAN, FORM_FIRST_FIELD_ROW, TABLE_LAYOUTS, TABLE_ROWS, sameFormula, subtitleFormula, type TableSheetId } from "../core/layouts";
import type { WorkbookModel } from "../core/model/workbook-model";
import { isPercentFormat } from "../core/model/cell";
import { displayNumber, formatAngka } from "../core/numbers";
import { isUnknown, isXlError, textOf, valOf, type Val } from "../core/xl";
import { inputSpecAt } from "../app/edit-cell";
import { readWorkbookModel } from "../app/read-model";
import { colLetter, type CellStyle, type CellValue } from "../workbook/port";
import type { MemoryWorkbook } from "../workbook/memory/memory-workbook";
import { sheetShape, type GridSourceCell } from "./memory-view";

/** number, text, empty: a value as shown; error: an Excel error value; unknown: a formula not computed here. */
export type GridCellKind = "number" | "text" | "empty" | "error" | "unknown";

export interface GridCell {
  kind: GridCellKind;
  text: string;
  style?: CellStyle;
  rowSpan?: number;
  colSpan?: number;
  /** The cell's formula, for the formula line; never shown in the cell. */
  formula?: string;
  /** A typed value as the formula line shows it and as it is typed again: 93,75% or 7089003733. */
  entry?: string;
  /** An input cell (white) of a standard sheet: the user may type into it. */
  input?: true;
  /** Why the cell shows no computed value (its tooltip). */
  note?: string;
}

export interface SheetGridModel {
  name: string;
  /** Column letters of the shown columns (A, B, …). */
  columns: string[];
  /** Column widths in pixels, from Excel's character widths. */
  widths: number[];
  /** The sheet row of `rows[0]` (0 unless the view is moved down to a cell it must show). */
  firstRow: number;
  /** Shown rows; `null` is a cell covered by a merge or by the text to its left. */
  rows: (GridCell | null)[][];
  /** Rows in the sheet's used range; more than `rows.length` when the view is cut. */
  usedRows: number;
}

export interface GridOptions {
  /** Rows shown per sheet (MAX_GRID_ROWS). */
  maxRows?: number;
  /** A cell the view must include: a sheet longer than `maxRows` is shown around it. */
  around?: Address | null;
}

/** Beyond this the table gets slow to render and no one scrolls it in a task pane. */
export const MAX_GRID_ROWS = 500;

/** Excel's default column (8.43 characters) and its pixel rule: 7 px per character plus 5 px. */
const DEFAULT_WIDTH_CHARS = 8.43;
const widthPx = (chars: number) => Math.round(chars * 7 + 5);

export const NOTE_EDITED =
  "Rumus sel ini berbeda dari rumus standar kolomnya, jadi nilainya tidak dihitung di sini; Excel atau LibreOffice menghitungnya saat berkas .xlsx dibuka. Periksa menandai rumus yang diubah.";
export const NOTE_FOREIGN =
  "Rumus ini bukan rumus lembar standar SAKIP Workbook, jadi nilainya tidak dihitung di sini; Excel atau LibreOffice menghitungnya saat berkas .xlsx dibuka.";

export async function workbookGrid(memory: MemoryWorkbook, options: GridOptions = {}): Promise<SheetGridModel[]> {
  const maxRows = options.maxRows ?? MAX_GRID_ROWS;
  // the standard sheets only: no formula reads Rincian SIPD, which can be 100k rows
  const [infos, model] = await Promise.all([memory.sheets(), readWorkbookModel(memory, { rincian: false })]);
  const values = new ShownValues(model);
  return infos.map((info) => {
    const shape = sheetShape(memory, info.name);
    const merges = shape?.merges ?? [];
    const usedRows = Math.max(info.usedRows, ...merges.map((m) => m.row + m.rows));
    const cols = Math.max(info.usedCols, ...merges.map((m) => m.col + m.cols));
    const around = options.around && options.around.sheet.toLowerCase() === info.name.toLowerCase() ? options.around.row : -1;
    const firstRow = around >= maxRows ? Math.max(0, Math.min(around - Math.floor(maxRows / 2), usedRows - maxRows)) : 0;
    const shownRows = Math.max(0, Math.min(usedRows - firstRow, maxRows));

    const rows: (GridCell | null)[][] = [];
    for (let i = 0; i < shownRows; i++) {
      const r = firstRow + i;
      const row: (GridCell | null)[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = shape?.cell(r, c);
        const shown: GridCell = cell ? values.gridCell(info.name, r, c, cell) : { kind: "empty", text: "" };
        if (shown.formula === undefined && inputSpecAt(info.name, r, c)) shown.input = true;
        row.push(shown);
      }
      rows.push(row);
    }
    for (const m of merges) {
      // a merge that starts above the shown rows is only a header; its cells show as they are
      const anchor = rows[m.row - firstRow]?.[m.col];
      if (m.row < firstRow || !anchor) continue;
      for (let r = m.row; r < Math.min(m.row + m.rows, firstRow + shownRows); r++) {
        const row = rows[r - firstRow]!;
        for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) row[c] = null;
      }
      if (m.rows > 1) anchor.rowSpan = Math.min(m.rows, firstRow + shownRows - m.row);
      if (m.cols > 1) anchor.colSpan = m.cols;
    }
    for (const row of rows) overflowText(row);
    return {
      name: info.name,
      columns: Array.from({ length: cols }, (_, c) => colLetter(c)),
      widths: Array.from({ length: cols }, (_, c) => widthPx(shape?.widthOf(c) ?? DEFAULT_WIDTH_CHARS)),
      firstRow,
      rows,
      usedRows,
    };
  });
}

/** What each cell shows, from the read model where a formula is the product's own. */
export class ShownValues {
  private readonly tables = new Map<string, TableSheetId>();

  constructor(private readonly model: WorkbookModel) {
    for (const id of Object.keys(TABLE_LAYOUTS) as TableSheetId[]) this.tables.set(model.table(id).sheet.toLowerCase(), id);
  }

  gridCell(sheet: string, row: number, col: number, cell: GridSourceCell): GridCell {
    const base: Pick<GridCell, "style" | "formula"> = {};
    if (cell.style) base.style = cell.style;
    if (cell.formula === null) return gridCell(cell.value, cell.numberFormat, cell.style);
    base.formula = cell.formula;
    const v = this.formulaValue(sheet, row, col, cell);
    if (v !== null && !isUnknown(v)) return { ...base, ...shown(v, cell.numberFormat) };
    // a value the host computed before (an opened file) is what Excel showed last
    if (cell.value !== null) return { ...base, ...shown(valOf(cell.value), cell.numberFormat) };
    return { ...base, kind: "unknown", text: "?", note: v !== null && this.isEdited(sheet, row, col) ? NOTE_EDITED : NOTE_FOREIGN };
  }

  /**
   * The value of a formula the model knows: a standard column's twin (computed from the cells as they
   * are now, so it follows every edit), a Pengaturan field's; null when the formula is not the product's.
   */
  private formulaValue(sheet: string, row: number, col: number, cell: GridSourceCell): Val | null {
    const id = this.tables.get(sheet.toLowerCase());
    if (id) {
      const t = this.model.table(id);
      if (row === TABLE_ROWS.subtitle && col === 0 && sameFormula(cell.formula, subtitleFormula)) return this.subtitle();
      if (row >= t.firstRow && col < t.layout.columns.length) return this.model.valueAt(id, row, col);
      return null;
    }
    if (sheet.toLowerCase() === PENGATURAN.sheet.toLowerCase() && col === 1) {
      const field = PENGATURAN.fields[row - FORM_FIRST_FIELD_ROW];
      if (field?.formula && sameFormula(cell.formula, field.formula)) return this.model.setting(field.key as Parameters<WorkbookModel["setting"]>[0]);
    }
    return null;
  }

  /** The table sheets' subtitle: unit — Tahun Anggaran tahun — periode, from Pengaturan. */
  private subtitle(): Val {
    const parts: string[] = [];
    for (const name of ["unitKerja", "tahun", "periode"] as const) {
      const t = textOf(this.model.setting(name));
      if (isXlError(t)) return t;
      parts.push(t);
    }
    return `${parts[0]} — Tahun Anggaran ${parts[1]} — ${parts[2]}`;
  }

  private isEdited(sheet: string, row: number, col: number): boolean {
    const id = this.tables.get(sheet.toLowerCase());
    return !!id && this.model.table(id).status(row, col) === "edited";
  }
}

/** A value under its number format, as Excel in id-ID shows it. */
function shown(v: Val, numberFormat: string): Pick<GridCell, "kind" | "text"> {
  if (v === null || v === "") return { kind: "empty", text: "" };
  if (typeof v === "number") return { kind: "number", text: displayNumber(v, numberFormat) };
  if (typeof v === "boolean") return { kind: "text", text: v ? "TRUE" : "FALSE" };
  if (isXlError(v)) return { kind: "error", text: v.error };
  return { kind: "text", text: v };
}

/**
 * Like Excel, text runs on over the empty, unformatted cells to its right (titles in column A
 * would otherwise be cut after a few letters); a table cell spanning them does the same.
 */
function overflowText(row: (GridCell | null)[]): void {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || cell.kind !== "text" || cell.style?.wrap || cell.rowSpan || cell.colSpan) continue;
    let end = c + 1;
    while (end < row.length && isBare(row[end])) end++;
    if (end - c < 2) continue;
    cell.colSpan = end - c;
    for (let j = c + 1; j < end; j++) row[j] = null;
    c = end - 1;
  }
}

const isBare = (cell: GridCell | null | undefined): boolean => !!cell && cell.kind === "empty" && !cell.style && !cell.rowSpan && !cell.colSpan && !cell.formula && !cell.input;

/** A typed value (no formula) as the grid shows it. */
export function gridCell(value: CellValue, numberFormat: string, style?: CellStyle): GridCell {
  const cell: GridCell = { ...(style ? { style } : {}), ...shown(valOf(value), numberFormat) };
  const entry = entryText(value, numberFormat);
  if (entry !== "") cell.entry = entry;
  return cell;
}

/**
 * A typed value as Excel's formula bar shows it in id-ID, which is also how it is typed again: all its
 * digits, a decimal comma, no grouping; a percent-formatted number as a percent (0,9375 → 93,75%).
 */
export function entryText(value: CellValue, numberFormat: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (isPercentFormat(numberFormat)) return `${formatAngka(times100(value), "ratio")}%`;
  return formatAngka(value, "ratio");
}

/** x × 100 shifted in decimal, so 0.0725 gives 7.25 and not 7.249999…. */
function times100(x: number): number {
  const t = String(x);
  return t.includes("e") ? x * 100 : Number(`${t}e2`);
}

/** "O8" */
export const cellName = (row: number, col: number): string => a1(row, col);

export { displayNumber };
