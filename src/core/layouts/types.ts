import type { CellContent, CellStyle, PageSetup, ValidationRule } from "../workbook-ops";
import type { Settings } from "./settings";

export type SheetId = "pengaturan" | "referensi" | "pk" | "capaian" | "cpo" | "realisasi";

/** Number formats in Excel's invariant codes; Excel shows them with the user's locale (1.234.567 in id-ID). */
export const FORMATS = {
  text: "@",
  general: "General",
  money: "#,##0",
  percent: "0.00%",
  year: "0",
} as const;
export type FormatId = keyof typeof FORMATS;

/** How the formula of a computed column finds its inputs. */
export interface FormulaContext {
  /** This row's cell in column `key` of the same sheet ("D7"). */
  cell(key: string): string;
  /** A whole column of a table sheet, absolute and sheet-qualified ('Perjanjian Kinerja'!$G:$G). */
  column(sheet: SheetId, key: string): string;
}

/**
 * One column of a table sheet.
 * - `input`: typed or imported by the user; never overwritten once filled.
 * - `key`: an input that identifies the row across sheets (the indicator ID), prefilled on a new sheet.
 * - `computed`: a native formula, restored when missing or broken.
 */
export interface ColumnSpec {
  key: string;
  header: string;
  /** Upper header over several adjacent columns ("Kinerja", "Anggaran"); merged across them. */
  group?: string;
  /** The LKjIP column number printed under the header, e.g. "(6=5/4)". */
  number?: string;
  width: number;
  format: FormatId;
  role: "input" | "key" | "computed";
  formula?: (ctx: FormulaContext) => string;
  validation?: ValidationRule;
  /** One line of help shown in the sheet's legend. */
  help?: string;
}

export interface TableLayout {
  kind: "table";
  id: SheetId;
  sheet: string;
  title: string;
  columns: readonly ColumnSpec[];
  /** Data rows prepared with formulas, formats and validation. */
  capacity: number;
  /** Columns kept visible when scrolling right. */
  freezeCols: number;
  /** Prefix of the prefilled keys ("IK" gives IK-001 …), for layouts with a key column. */
  keyPrefix?: string;
  page: PageSetup["orientation"];
}

export interface FormField {
  key: string;
  label: string;
  help: string;
  format: FormatId;
  /** The defined name other sheets use (SAKIP_TAHUN). */
  name: string;
  validation?: ValidationRule;
  /** Computed fields hold a formula and are restored; the others hold settings. */
  formula?: string;
  value?: (s: Settings) => CellContent;
}

export interface FormLayout {
  kind: "form";
  id: SheetId;
  sheet: string;
  title: string;
  fields: readonly FormField[];
  /** A user-editable list under the fields (the jabatan list). */
  list?: { header: string; name: string; rows: number; values: (s: Settings) => string[] };
  /** Reference tables (the predicate scales). */
  blocks?: readonly ReferenceBlock[];
}

export interface ReferenceBlock {
  title: string;
  headers: readonly string[];
  rows: number;
  values: (s: Settings) => CellContent[][];
  formats: readonly FormatId[];
  /** Defined names over parts of the block: rows/cols relative to the block's first data row. */
  names: readonly { name: string; row: number; col: number; rows: number; cols: number }[];
}

export type SheetLayout = TableLayout | FormLayout;

export const HEADER_STYLE: CellStyle = { bold: true, wrap: true, horizontal: "center", vertical: "middle", fill: "#D9E2F3", border: "thin" };
export const TITLE_STYLE: CellStyle = { bold: true };
export const COMPUTED_FILL = "#F2F2F2";
