/**
 * Workbook operations as plain data: what the layouts render and every workbook adapter applies
 * (see src/workbook/port.ts). Pure: no host, no I/O.
 *
 * Coordinates are 0-based (row 0 = Excel row 1, col 0 = column A). Formulas use English function names
 * and `,` separators with a leading `=` (Range.formulas, never formulasLocal).
 */
import { MAX_COLS, MAX_ROWS, type RangeRef } from "./address";

export { a1, colLetter, MAX_COLS, MAX_ROWS, rangeA1, sheetRef, type Address, type RangeRef } from "./address";

export type CellValue = string | number | boolean | null;

/**
 * What a write puts into a cell. A string is always literal text — even "=1+1", "-", "+62" or "@x" —
 * never a formula or a number; only `{ formula }` makes a formula. `null` empties the cell.
 */
export type CellContent = CellValue | { formula: string };

export interface CellSnapshot {
  /** The value as stored; for formula cells the last computed value where the host computes, else null. */
  value: CellValue;
  /** The formula with its leading "=", or null for a constant. */
  formula: string | null;
  numberFormat: string;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Background colour, #RRGGBB. */
  fill?: string;
  fontColor?: string;
  border?: "thin";
}

export type ValidationRule =
  | {
      type: "list";
      /** Literal choices (≤ 255 characters in all, Excel's limit) or a formula such as "=Pengaturan!$B$12:$B$20". */
      source: readonly string[] | { formula: string };
      message?: string;
    }
  | { type: "decimal"; min?: number; max?: number; message?: string };

export interface PageSetup {
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, 0-based inclusive. */
  printTitleRows?: [number, number];
  /** The printed area, from A1: this many rows and columns. Unset: what the host prints by default. */
  printArea?: { rows: number; cols: number };
  /** A page break before each of these rows (0-based), e.g. one table per page. */
  rowBreaks?: readonly number[];
}

export type WorkbookOp =
  | { type: "addSheet"; sheet: string }
  | { type: "write"; sheet: string; row: number; col: number; cells: readonly (readonly CellContent[])[] }
  | { type: "format"; range: RangeRef; numberFormat?: string; style?: CellStyle }
  | { type: "columnWidths"; sheet: string; widths: readonly { col: number; width: number }[] }
  /** Row heights in points (wrapped text in a file's rows: neither Excel nor LibreOffice fits them on opening). */
  | { type: "rowHeights"; sheet: string; heights: readonly { row: number; height: number }[] }
  | { type: "freeze"; sheet: string; rows: number; cols: number }
  | { type: "validation"; range: RangeRef; rule: ValidationRule }
  | { type: "merge"; range: RangeRef }
  | { type: "defineName"; name: string; formula: string }
  | { type: "pageSetup"; sheet: string; setup: PageSetup }
  /** Empties cells; `what: "all"` also drops their formats and the merges they hold (as Excel's Clear All). */
  | { type: "clear"; range: RangeRef; what?: "contents" | "all" };

/** An operation that breaks a rule Excel enforces; thrown by every adapter before touching the workbook. */
export class WorkbookRuleError extends Error {
  constructor(
    message: string,
    readonly op: WorkbookOp | undefined,
  ) {
    super(message);
    this.name = "WorkbookRuleError";
  }
}

export const MAX_CELL_TEXT = 32_767;

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return `Nama lembar "${name}" harus 1–31 karakter.`;
  if (/[:\\/?*[\]]/.test(name)) return `Nama lembar "${name}" tidak boleh berisi : \\ / ? * [ ].`;
  if (name.startsWith("'") || name.endsWith("'")) return `Nama lembar "${name}" tidak boleh diawali atau diakhiri tanda petik.`;
  if (name.toLowerCase() === "history") return `Nama lembar "${name}" dicadangkan oleh Excel.`;
  return null;
}

/** Checks the rules every adapter enforces; throws WorkbookRuleError on the first broken one. */
export function checkOps(ops: readonly WorkbookOp[], existingSheets: readonly string[]): void {
  const sheets = new Set(existingSheets.map((s) => s.toLowerCase()));
  const needSheet = (sheet: string, op: WorkbookOp) => {
    if (!sheets.has(sheet.toLowerCase())) throw new WorkbookRuleError(`Lembar "${sheet}" tidak ada.`, op);
  };
  const checkRange = (r: RangeRef, op: WorkbookOp) => {
    needSheet(r.sheet, op);
    if (r.row < 0 || r.col < 0 || r.rows < 1 || r.cols < 1 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) {
      throw new WorkbookRuleError(`Rentang di luar lembar: baris ${r.row + 1}, kolom ${r.col + 1}, ${r.rows}×${r.cols}.`, op);
    }
  };
  for (const op of ops) {
    switch (op.type) {
      case "addSheet": {
        const problem = sheetNameProblem(op.sheet);
        if (problem) throw new WorkbookRuleError(problem, op);
        if (sheets.has(op.sheet.toLowerCase())) throw new WorkbookRuleError(`Lembar "${op.sheet}" sudah ada.`, op);
        sheets.add(op.sheet.toLowerCase());
        break;
      }
      case "write": {
        const width = op.cells[0]?.length ?? 0;
        if (op.cells.length === 0 || width === 0) throw new WorkbookRuleError("Tidak ada sel untuk ditulis.", op);
        // Excel refuses arrays whose shape does not match the range
        for (const row of op.cells) {
          if (row.length !== width) throw new WorkbookRuleError("Baris data tidak sama panjang (bentuk larik tidak cocok dengan rentang).", op);
          for (const c of row) {
            if (typeof c === "string" && c.length > MAX_CELL_TEXT) throw new WorkbookRuleError(`Teks sel melebihi ${MAX_CELL_TEXT} karakter.`, op);
            if (typeof c === "number" && !Number.isFinite(c)) throw new WorkbookRuleError(`Angka tidak valid (${c}).`, op);
            if (c !== null && typeof c === "object" && !c.formula.startsWith("=")) throw new WorkbookRuleError(`Rumus harus diawali "=": ${c.formula}`, op);
          }
        }
        checkRange({ sheet: op.sheet, row: op.row, col: op.col, rows: op.cells.length, cols: width }, op);
        break;
      }
      case "format":
      case "validation":
      case "merge":
      case "clear":
        checkRange(op.range, op);
        if (op.type === "validation" && op.rule.type === "list" && Array.isArray(op.rule.source)) {
          if (op.rule.source.join(",").length > 255) throw new WorkbookRuleError("Daftar pilihan validasi melebihi 255 karakter; gunakan rentang sumber.", op);
          // Excel splits a literal list on commas, so a choice with a comma would become two
          if (op.rule.source.some((c) => c.includes(","))) throw new WorkbookRuleError("Pilihan validasi tidak boleh berisi koma; gunakan rentang sumber.", op);
        }
        if (op.type === "validation" && op.rule.type === "decimal" && [op.rule.min, op.rule.max].some((x) => x !== undefined && !Number.isFinite(x))) {
          throw new WorkbookRuleError("Batas validasi angka harus bilangan.", op);
        }
        break;
      case "columnWidths":
      case "rowHeights":
      case "freeze":
      case "pageSetup":
        needSheet(op.sheet, op);
        break;
      case "defineName":
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(op.name) || /^[A-Za-z]{1,3}\d+$/.test(op.name)) {
          throw new WorkbookRuleError(`Nama "${op.name}" tidak sah untuk nama rentang.`, op);
        }
        break;
    }
  }
}
