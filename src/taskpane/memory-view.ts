/**
 * What the no-Excel grid reads of the memory workbook beyond the WorkbookPort: a sheet's merges and
 * column widths, and each cell with its style. The memory adapter's internals are another engineer's
 * and may change; this accessor is the one place that depends on them.
 */
import type { CellStyle, CellValue, RangeRef } from "../workbook/port";
import type { MemoryWorkbook } from "../workbook/memory/memory-workbook";

export interface GridSourceCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  style?: CellStyle | undefined;
}

export interface SheetShape {
  merges: readonly RangeRef[];
  /** Excel's width in characters, when the sheet sets one. */
  widthOf(col: number): number | undefined;
  cell(row: number, col: number): GridSourceCell | undefined;
}

export function sheetShape(memory: MemoryWorkbook, name: string): SheetShape | undefined {
  const sheet = memory.sheet(name);
  if (!sheet) return undefined;
  return {
    merges: sheet.merges,
    widthOf: (col) => sheet.widths.get(col),
    cell: (row, col) => memory.cell(name, row, col),
  };
}
