/**
 * The no-Excel mode's view of the memory workbook: each sheet's used range as display text, the way
 * Excel in an Indonesian locale would show it. The memory workbook does not calculate, so a formula
 * cell shows its formula.
 */
import { displayNumber } from "../core/numbers";
import { colLetter, type CellStyle, type CellValue } from "../workbook/port";
import type { MemoryWorkbook } from "../workbook/memory/memory-workbook";

export type GridCellKind = "formula" | "number" | "text" | "empty";

export interface GridCell {
  kind: GridCellKind;
  text: string;
  style?: CellStyle;
  rowSpan?: number;
  colSpan?: number;
}

export interface SheetGridModel {
  name: string;
  /** Column letters of the shown columns (A, B, …). */
  columns: string[];
  /** Column widths in pixels, from Excel's character widths. */
  widths: number[];
  /** Shown rows; `null` is a cell covered by a merge or by the text to its left. */
  rows: (GridCell | null)[][];
  /** Rows in the sheet's used range; more than `rows.length` when the view is cut. */
  usedRows: number;
}

/** Beyond this the table gets slow to render and no one scrolls it in a task pane. */
export const MAX_GRID_ROWS = 500;

/** Excel's default column (8.43 characters) and its pixel rule: 7 px per character plus 5 px. */
const DEFAULT_WIDTH_CHARS = 8.43;
const widthPx = (chars: number) => Math.round(chars * 7 + 5);

export async function workbookGrid(memory: MemoryWorkbook, maxRows = MAX_GRID_ROWS): Promise<SheetGridModel[]> {
  const infos = await memory.sheets();
  return infos.map((info) => {
    const sheet = memory.sheet(info.name);
    const merges = sheet?.merges ?? [];
    const usedRows = Math.max(info.usedRows, ...merges.map((m) => m.row + m.rows));
    const cols = Math.max(info.usedCols, ...merges.map((m) => m.col + m.cols));
    const shownRows = Math.min(usedRows, maxRows);

    const rows: (GridCell | null)[][] = [];
    for (let r = 0; r < shownRows; r++) {
      const row: (GridCell | null)[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = sheet?.rows.get(r)?.get(c);
        row.push(cell ? gridCell(cell.value, cell.formula, cell.numberFormat, cell.style) : { kind: "empty", text: "" });
      }
      rows.push(row);
    }
    for (const m of merges) {
      const anchor = rows[m.row]?.[m.col];
      if (!anchor) continue;
      for (let r = m.row; r < Math.min(m.row + m.rows, shownRows); r++) {
        const row = rows[r]!;
        for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) row[c] = null;
      }
      if (m.rows > 1) anchor.rowSpan = Math.min(m.rows, shownRows - m.row);
      if (m.cols > 1) anchor.colSpan = m.cols;
    }
    for (const row of rows) overflowText(row);
    return {
      name: info.name,
      columns: Array.from({ length: cols }, (_, c) => colLetter(c)),
      widths: Array.from({ length: cols }, (_, c) => widthPx(sheet?.widths.get(c) ?? DEFAULT_WIDTH_CHARS)),
      rows,
      usedRows,
    };
  });
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

const isBare = (cell: GridCell | null | undefined): boolean => !!cell && cell.kind === "empty" && !cell.style && !cell.rowSpan && !cell.colSpan;

export function gridCell(value: CellValue, formula: string | null, numberFormat: string, style?: CellStyle): GridCell {
  const base = style ? { style } : {};
  if (formula !== null) return { ...base, kind: "formula", text: formula };
  if (value === null || value === "") return { ...base, kind: "empty", text: "" };
  if (typeof value === "number") return { ...base, kind: "number", text: displayNumber(value, numberFormat) };
  if (typeof value === "boolean") return { ...base, kind: "text", text: value ? "TRUE" : "FALSE" };
  return { ...base, kind: "text", text: value };
}

export { displayNumber };
