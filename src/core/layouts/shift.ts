/**
 * A column inserted or deleted in the middle of a standard sheet, told by its headers: everything that
 * reads the sheet by column (Periksa, the scaffold, the SIPD import, the report) would read or write
 * the wrong column. Shared by Periksa (R-XL-06) and by the writers, which refuse before writing.
 */
import { colLetter, type CellValue } from "../workbook-ops";
import { TABLE_ROWS } from "./plan";
import type { TableLayout } from "./types";

/** How far a header may have moved and still be recognised as moved (a few columns inserted or deleted). */
const MAX_SHIFT = 3;

export interface ShiftedColumn {
  /** The header cell where the column's own header should be. */
  row: number;
  col: number;
  /** The declared header, and where it is now. */
  header: string;
  to: number;
  /** What the header cell holds now ("" when empty). */
  found: string;
}

/** A label as the checks compare it: lower case, runs of white space as one space, no space at the ends. */
export const normLabel = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

const norm = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : normLabel(String(v)));

/**
 * The first column whose header is not its own but stands a few columns away; null when every header
 * is in place (a header only retyped, or columns added after the table, are not a shift).
 */
export function shiftedColumn(layout: TableLayout, valueAt: (row: number, col: number) => CellValue | undefined): ShiftedColumn | null {
  const columns = layout.columns;
  for (let col = 0; col < columns.length; col++) {
    const c = columns[col]!;
    const row = c.group ? TABLE_ROWS.header : TABLE_ROWS.group;
    const own = norm(c.header);
    if (norm(valueAt(row, col)) === own) continue;
    for (let d = 1; d <= MAX_SHIFT; d++) {
      for (const to of [col + d, col - d]) {
        if (to >= 0 && norm(valueAt(row, to)) === own) {
          const v = valueAt(row, col);
          return { row, col, header: c.header, to, found: v === null || v === undefined ? "" : String(v) };
        }
      }
    }
  }
  return null;
}

/** The message parameters of a shift: which header, where it should be and where it is, which way. */
export function shiftParams(layout: TableLayout, s: ShiftedColumn): Record<string, string | number> {
  return { sheet: layout.sheet, header: s.header, expectedCell: colLetter(s.col), foundCell: colLetter(s.to), moved: s.to > s.col ? "right" : "left", count: Math.abs(s.to - s.col) };
}
