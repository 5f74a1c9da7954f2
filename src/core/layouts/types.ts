import type { CellContent, CellStyle, PageSetup, ValidationRule } from "../workbook-ops";
import type { Val } from "../xl";
// SheetKeys: the column keys of each table layout by sheet (declared in standard.ts), so formulas and
// twins that name another sheet's column are checked at compile time. SettingName: SAKIP_TW …
import type { SettingName, SheetKeys } from "./standard";
export type { SettingName, SheetKeys };
import type { Settings } from "./settings";

export type SheetId = "pengaturan" | "referensi" | TableSheetId;

/** Number formats in Excel's invariant codes; Excel shows them with the user's locale (1.234.567 in id-ID). */
export const FORMATS = {
  text: "@",
  general: "General",
  money: "#,##0",
  percent: "0.00%",
  year: "0",
} as const;
export type FormatId = keyof typeof FORMATS;

/** Table sheets: the layouts whose rows are read back into the model. */
export type TableSheetId = "pk" | "capaian" | "cpo" | "realisasi";


/** How the formula of a computed column finds its inputs. */
export interface FormulaContext<K extends string = string> {
  /** This row's cell in column `key` of the same sheet ("D7"). */
  cell(key: K): string;
  /** A whole column of a table sheet, absolute and sheet-qualified ('Perjanjian Kinerja'!$G:$G). */
  column<S extends TableSheetId>(sheet: S, key: SheetKeys[S]): string;
  /** A table sheet's column from its first data row to ARRAY_LAST_ROW ('Perjanjian Kinerja'!$E$7:$E$1000), for SUMPRODUCT. */
  rows<S extends TableSheetId>(sheet: S, key: SheetKeys[S]): string;
}

/**
 * How the twin of a computed column finds its inputs: the values the sheet's cells hold (a typed
 * constant where the user typed over a formula, the twin's own value where the formula stands), so the
 * twin computes what Excel would show.
 */
export interface TwinContext<K extends string = string> {
  /** The value of this row's cell in column `key`. */
  get(key: K): Val;
  /** The value in column `key` of the row of `sheet` whose ID is this row's ID (MATCH, first row, any case). */
  lookup<S extends TableSheetId>(sheet: S, key: SheetKeys[S]): Val;
  /** amountByKode over Realisasi Anggaran (see formulas.ts). */
  amountByKode(kode: Val, valueKey: SheetKeys["realisasi"]): Val;
  /** amountByStructure of a row with this ID and kode (see formulas.ts). */
  amountByStructure(id: Val, kode: Val, valueKey: SheetKeys["realisasi"]): Val;
  /** A setting's value (SAKIP_TW …). */
  setting(name: SettingName): Val;
  /** The predikat of a capaian on the workbook's own scale (Referensi sheet). */
  predikat(capaian: Val): Val;
}

/** A computed column: its native formula and its twin, declared side by side. */
export interface ComputedColumn<K extends string = string> {
  formula(ctx: FormulaContext<K>): string;
  twin(ctx: TwinContext<K>): Val;
  /**
   * The twin gives no error value unless the row's key (ID) cell holds one, whatever the other cells
   * hold (it catches every other error, as the formula's IFERROR does): Periksa need not compute a
   * standard cell of the column to look for one in a row whose key is not an error.
   */
  errorFree?: true;
}

export type ColumnRole = "input" | "key" | "computed";

/**
 * One column of a table sheet.
 * - `input`: typed or imported by the user; never overwritten once filled.
 * - `key`: an input that identifies the row across sheets (the indicator ID), prefilled on a new sheet.
 * - `computed`: a native formula, restored when missing or broken; its formula and twin are in the
 *   layout's `computed` map.
 */
export interface ColumnSpec<K extends string = string, R extends ColumnRole = ColumnRole> {
  key: K;
  role: R;
  header: string;
  /** Upper header over several adjacent columns ("Kinerja", "Anggaran"); merged across them. */
  group?: string;
  /** The LKjIP column number printed under the header, e.g. "(6=5/4)". */
  number?: string;
  width: number;
  format: FormatId;
  validation?: ValidationRule;
  /** One line of help shown in the sheet's legend. */
  help?: string;
}

/** The keys of a column list. */
export type KeyOf<C extends readonly ColumnSpec[]> = C[number]["key"];
/** The keys of its computed columns. */
export type ComputedKeyOf<C extends readonly ColumnSpec[]> = Extract<C[number], { role: "computed" }>["key"];

export interface TableLayout<K extends string = string> {
  kind: "table";
  id: TableSheetId;
  sheet: string;
  title: string;
  columns: readonly ColumnSpec<K>[];
  /** Formula and twin of every computed column, by key. */
  computed: { readonly [P in K]?: ComputedColumn<K> };
  /** Data rows prepared with formulas, formats and validation. */
  capacity: number;
  /** Columns kept visible when scrolling right. */
  freezeCols: number;
  /** Prefix of the prefilled keys ("IK" gives IK-001 …), for layouts with a key column. */
  keyPrefix?: string;
  page: PageSetup["orientation"];
}

/**
 * Declares a table layout. Every computed column must have its formula and twin (a missing one is
 * a compile error), and both see only the layout's own keys.
 */
export function defineTable<const C extends readonly ColumnSpec[]>(
  spec: Omit<TableLayout<KeyOf<C>>, "kind" | "columns" | "computed"> & {
    columns: C;
    computed: { readonly [P in ComputedKeyOf<C>]: ComputedColumn<KeyOf<C>> };
  },
): TableLayout<KeyOf<C>> {
  return { kind: "table", ...spec } as TableLayout<KeyOf<C>>;
}

/** Column index of a key in a table layout. */
export function colIndex<K extends string>(layout: TableLayout<K>, key: NoInfer<K>): number {
  let byKey = COLUMN_INDEX.get(layout);
  if (!byKey) {
    byKey = new Map(layout.columns.map((c, i) => [c.key as string, i]));
    COLUMN_INDEX.set(layout, byKey);
  }
  const i = byKey.get(key);
  // unreachable for a typed key; kept for layouts built at run time
  if (i === undefined) throw new Error(`layout ${layout.id} has no column ${key}`);
  return i;
}

/** Column indexes by key, per layout: looked up for every cell the read model touches. */
const COLUMN_INDEX = new WeakMap<TableLayout<string>, Map<string, number>>();

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
